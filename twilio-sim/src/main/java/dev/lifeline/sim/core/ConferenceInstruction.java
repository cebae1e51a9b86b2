package dev.lifeline.sim.core;

import java.util.List;
import java.util.Map;

/**
 * A reservation's {@code Instruction=conference} as TaskRouter hands it to the voice side.
 *
 * @param conferenceName  the conference friendly name; TaskRouter uses the task SID
 * @param customerCallSid the task attribute {@code call_sid}, the call moved into the conference
 * @param to              who to dial for the worker (defaults to the worker's {@code contact_uri})
 * @param from            caller id for the worker leg
 * @param params          every other form parameter of the reservation update, as sent
 *                        ({@code EndConferenceOnExit}, {@code ConferenceStatusCallback},
 *                        repeated {@code ConferenceStatusCallbackEvent}, {@code Timeout}, …)
 */
public record ConferenceInstruction(
        String conferenceName,
        String customerCallSid,
        String to,
        String from,
        Map<String, List<String>> params) {

    /** The first value of a parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
