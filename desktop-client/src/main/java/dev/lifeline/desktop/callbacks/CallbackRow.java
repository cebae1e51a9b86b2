package dev.lifeline.desktop.callbacks;

import dev.lifeline.model.callbacks.CallbackView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One callback as a table shows it: the due time in the viewer's own zone (and the customer's, when it differs), the
 * customer, the reason, the state with why a closed one ended, and every attempt with its outcome.
 */
public record CallbackRow(String id, String due, String customer, String reason, String state, String attempts) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    public static CallbackRow of(CallbackView view, ZoneId viewerZone) {
        String due = WHEN.format(view.dueAt().atZone(viewerZone));
        ZoneId customerZone = ZoneId.of(view.zone());
        if (!customerZone.getRules().equals(viewerZone.getRules())) {
            due += " (" + WHEN.format(view.dueAt().atZone(customerZone)) + " " + customerZone.getId() + ")";
        }
        String state = view.state().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (view.closeReason() != null && !view.closeReason().isBlank()) {
            state += ": " + view.closeReason();
        }
        String attempts = view.attempts().isEmpty() ? "none" : view.attempts().stream()
                .map(a -> a.number() + " " + (a.outcome() == null ? "in progress" : a.outcome()))
                .collect(Collectors.joining(", "));
        return new CallbackRow(view.id(), due, view.number(), view.reason() == null ? "" : view.reason(), state, attempts);
    }
}
