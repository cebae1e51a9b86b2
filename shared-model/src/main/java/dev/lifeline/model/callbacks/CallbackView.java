package dev.lifeline.model.callbacks;

import dev.lifeline.model.validation.Require;
import java.time.Instant;
import java.util.List;

/**
 * A callback as the desktop and the website see it.
 *
 * @param dueAt          when it is due (an instant); {@code zone} says it back in the customer's time
 * @param preferredAgent the agent it is offered to first, or null
 * @param state          {@code SCHEDULED}, {@code ENQUEUING}, {@code QUEUED}, {@code DIALLING}, {@code COMPLETED},
 *                       {@code FAILED} or {@code CANCELLED}
 * @param closeReason    why it ended, for FAILED and CANCELLED; else null
 */
public record CallbackView(String id, String number, String reason, Instant requestedAt, Instant dueAt, String zone,
                           int priority, String preferredAgent, String state, List<Attempt> attempts,
                           String closeReason) {

    public CallbackView {
        Require.text(id, "id");
        Require.text(number, "number");
        Require.present(requestedAt, "requestedAt");
        Require.present(dueAt, "dueAt");
        Require.text(zone, "zone");
        Require.text(state, "state");
        attempts = Require.listOf(attempts, "attempts");
    }

    /** One try at reaching the customer; {@code outcome} is null while it runs. */
    public record Attempt(int number, Instant startedAt, String outcome) {
        public Attempt {
            Require.atLeast(number, 1, "number");
            Require.present(startedAt, "startedAt");
        }
    }
}
