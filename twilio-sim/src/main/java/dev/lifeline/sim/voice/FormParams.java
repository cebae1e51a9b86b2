package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.TwilioApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Form parameters as Twilio receives them, with validation that answers a 400 naming the parameter.
 * Repeated fields are kept: twilio-java sends list parameters as repeated fields, the docs say space-separated.
 */
public final class FormParams {

    private final Map<String, List<String>> values;

    public FormParams(Map<String, List<String>> values) {
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String name) {
        String value = string(name);
        return value != null;
    }

    /** First value, or null when absent or empty (the SDK drops nulls, so empty means "not given"). */
    public String string(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0) == null || list.get(0).isEmpty()) {
            return null;
        }
        return list.get(0);
    }

    public String required(String name) {
        String value = string(name);
        if (value == null) {
            throw TwilioApiException.missingParameter(name);
        }
        return value;
    }

    public Boolean bool(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value, "must be true or false");
        };
    }

    public boolean bool(String name, boolean defaultValue) {
        Boolean value = bool(name);
        return value == null ? defaultValue : value;
    }

    public Integer integer(String name, int min, int max) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw invalid(name, value, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    public int integer(String name, int min, int max, int defaultValue) {
        Integer value = integer(name, min, max);
        return value == null ? defaultValue : value;
    }

    /** An absolute http(s) URL, or null when absent. */
    public String url(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(name, value, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid(name, value, "must be an absolute http or https URL");
        }
        return value;
    }

    /** {@code GET} or {@code POST}; null when absent. */
    public String method(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw invalid(name, value, "must be GET or POST");
        }
        return upper;
    }

    /** One of {@code allowed} (compared as given); null when absent. */
    public String oneOf(String name, Set<String> allowed) {
        String value = string(name);
        if (value != null && !allowed.contains(value)) {
            throw invalid(name, value, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /**
     * Words from repeated fields and/or space-separated lists, each checked against {@code allowed};
     * null when the parameter is absent.
     */
    public Set<String> words(String name, Set<String> allowed) {
        List<String> raw = values.get(name);
        if (raw == null || raw.stream().allMatch(v -> v == null || v.isBlank())) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            for (String word : value.trim().split("[\\s,]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(word)) {
                    throw invalid(name, word, "each value must be one of "
                            + String.join(" ", allowed.stream().sorted().toList()));
                }
                words.add(word);
            }
        }
        return words;
    }

    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }

    static TwilioApiException invalid(String name, String value, String rule) {
        return new TwilioApiException(400, 20001,
                "Invalid parameter " + name + " '" + value + "': " + rule);
    }
}
