package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.TwilioApiException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a dialled address does, set by the scenario: after {@code delay} of ringing (sim clock) a person answers, an
 * answering machine or a fax answers, the line is busy or fails; or nobody answers until the call's ring timeout.
 *
 * @param answeredBy what Answering Machine Detection reports, or null to derive it from the outcome and the call's mode
 *                   ({@code answer} → {@code human}; {@code machine} → {@code machine_start} or
 *                   {@code machine_end_beep}; {@code fax} → {@code fax})
 * @param detection  how long detection takes ({@code MachineDetectionDuration}); null = {@link #DEFAULT_DETECTION}
 */
public record EndpointBehaviour(Outcome outcome, Duration delay, String answeredBy, Duration detection) {

    /** How long AMD takes when the scenario does not say (assumed: Twilio gives no typical figure). */
    public static final Duration DEFAULT_DETECTION = Duration.ofSeconds(2);

    public enum Outcome {
        ANSWER, BUSY, NO_ANSWER, FAILED, MACHINE, FAX;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Outcome of(String wire) {
            return Arrays.stream(values()).filter(o -> o.wire().equals(wire)).findFirst()
                    .orElseThrow(() -> TwilioApiException.badRequest("outcome must be one of answer, busy, no-answer, "
                            + "failed, machine, fax; got '" + wire + "'"));
        }
    }

    public EndpointBehaviour {
        if (outcome == null) {
            throw TwilioApiException.missingParameter("outcome");
        }
        if (delay == null || delay.isNegative()) {
            throw TwilioApiException.badRequest("delay must be zero or positive");
        }
        if (detection != null && detection.isNegative()) {
            throw TwilioApiException.badRequest("detection must be zero or positive");
        }
        if (answeredBy != null && !MachineDetection.ANSWERED_BY.contains(answeredBy)) {
            throw TwilioApiException.badRequest("answeredBy must be one of "
                    + String.join(", ", MachineDetection.ANSWERED_BY.stream().sorted().toList()) + "; got '" + answeredBy + "'");
        }
    }

    /** A person picks up after {@code delay}. */
    public static EndpointBehaviour answer(Duration delay) {
        return new EndpointBehaviour(Outcome.ANSWER, delay, null, null);
    }

    boolean picksUp() {
        return outcome == Outcome.ANSWER || outcome == Outcome.MACHINE || outcome == Outcome.FAX;
    }

    /** AMD's verdict for a call made with {@code amd}. */
    String verdict(MachineDetection amd) {
        if (answeredBy != null) {
            return answeredBy;
        }
        return switch (outcome) {
            case MACHINE -> amd.machineVerdict("beep");
            case FAX -> "fax";
            default -> "human";
        };
    }

    public Duration detectionTime() {
        return detection == null ? DEFAULT_DETECTION : detection;
    }
}
