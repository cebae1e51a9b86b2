package dev.lifeline.server.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The optional menu in front of the queue: one DTMF key per skill ({@code 1=sales, 2=support}). The skill goes on the
 * task as {@code skill}, which the routing configuration's queue expressions read. An empty menu asks nothing.
 */
public final class EntryMenu {

    private static final Pattern ITEM = Pattern.compile("([0-9])\\s*=\\s*([a-z0-9_-]{1,40})");

    private final Map<String, String> skillByKey;
    private final String prompt;

    private EntryMenu(Map<String, String> skillByKey, String prompt) {
        this.skillByKey = Map.copyOf(skillByKey);
        this.prompt = prompt;
    }

    public static EntryMenu none() {
        return new EntryMenu(Map.of(), "");
    }

    /**
     * @param items  such as {@code 1=sales}; keys 0-9, skills in lower case letters, digits, {@code _} and {@code -}
     * @param prompt what the caller hears; blank = "For sales, press 1. For support, press 2."
     * @throws IllegalArgumentException naming the item that cannot be read
     */
    public static EntryMenu of(List<String> items, String prompt) {
        Map<String, String> skills = new LinkedHashMap<>();
        for (String item : items) {
            var m = ITEM.matcher(item.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("must be items such as '1=sales' (a key 0-9, a skill of a-z 0-9 _ -), got '"
                        + item + "'");
            }
            if (skills.put(m.group(1), m.group(2)) != null) {
                throw new IllegalArgumentException("names key " + m.group(1) + " twice");
            }
        }
        String spoken = prompt == null || prompt.isBlank() ? skills.entrySet().stream()
                .map(e -> "For " + e.getValue() + ", press " + e.getKey() + ".").collect(Collectors.joining(" ")) : prompt;
        return new EntryMenu(skills, spoken);
    }

    public boolean isEmpty() {
        return skillByKey.isEmpty();
    }

    public String prompt() {
        return prompt;
    }

    /** @return the skill of the key pressed; empty for a key the menu does not have (or none) */
    public Optional<String> skillFor(String digits) {
        return Optional.ofNullable(digits == null ? null : skillByKey.get(digits.trim()));
    }

    /** @return every skill the menu offers, in key order */
    public List<String> skills() {
        return skillByKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }
}
