package dev.lifeline.sim.voice;

import java.util.Set;

/**
 * Answering Machine Detection asked for on a Calls create: {@code MachineDetection} ({@code Enable} or
 * {@code DetectMessageEnd}), {@code MachineDetectionTimeout} (default 30 s), {@code AsyncAmd},
 * {@code AsyncAmdStatusCallback(Method)}. The speech and silence tuning parameters are checked and stored only: the
 * emulator's verdicts come from the scenario, not from listening.
 *
 * @param asyncCallback null when {@code AsyncAmd} is on without a callback (Twilio warns 21262 and keeps the result on
 *                      the Call resource)
 */
record MachineDetection(String mode, int timeoutSeconds, boolean async, String asyncCallback, String asyncCallbackMethod) {

    static final String ENABLE = "Enable";
    static final String DETECT_MESSAGE_END = "DetectMessageEnd";
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    /** Every {@code AnsweredBy} value Twilio documents. */
    static final Set<String> ANSWERED_BY = Set.of("human", "machine_start", "machine_end_beep", "machine_end_silence",
            "machine_end_other", "fax", "unknown");

    /** The {@code MachineDetection*} and {@code AsyncAmd*} form parameters; null when {@code MachineDetection} is absent. */
    static MachineDetection from(FormParams form) {
        String mode = form.oneOf("MachineDetection", Set.of(ENABLE, DETECT_MESSAGE_END));
        // Twilio's AMD page: MachineDetectionTimeout 3-59 (default 30); the tuning ranges are the Calls API reference's
        int timeout = form.integer("MachineDetectionTimeout", 3, 59, DEFAULT_TIMEOUT_SECONDS);
        form.integer("MachineDetectionSpeechThreshold", 1000, 6000);
        form.integer("MachineDetectionSpeechEndThreshold", 500, 5000);
        form.integer("MachineDetectionSilenceTimeout", 2000, 10000);
        boolean async = form.bool("AsyncAmd", false);
        String callback = form.url("AsyncAmdStatusCallback");
        String method = form.method("AsyncAmdStatusCallbackMethod");
        return mode == null ? null : new MachineDetection(mode, timeout, async, callback, method == null ? "POST" : method);
    }

    /** What AMD reports for an answering machine: at once ({@code Enable}) or at the end of its greeting. */
    String machineVerdict(String greetingEnd) {
        return ENABLE.equals(mode) ? "machine_start" : "machine_end_" + greetingEnd;
    }
}
