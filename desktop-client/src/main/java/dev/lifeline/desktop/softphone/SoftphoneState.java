package dev.lifeline.desktop.softphone;

import java.util.Objects;

/**
 * Where the softphone stands, for the status bar: registered and ready to ring, on its way, or failed with the
 * reason in plain words ("wrong SIP password"). {@code audioProblem} is set when calls work but the sound
 * hardware does not ("no microphone found"): the phone still rings and answers, silently.
 */
public record SoftphoneState(Phase phase, String reason, String audioProblem) {

    /** {@code NONE}: the server has no SIP account for this user, so there is no phone to register. */
    public enum Phase { NONE, UNREGISTERED, REGISTERING, READY, FAILED }

    public SoftphoneState {
        Objects.requireNonNull(phase, "phase");
        if (phase == Phase.FAILED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a failed phone needs a reason");
        }
    }

    public static SoftphoneState none() {
        return new SoftphoneState(Phase.NONE, null, null);
    }

    public static SoftphoneState unregistered() {
        return new SoftphoneState(Phase.UNREGISTERED, null, null);
    }

    public static SoftphoneState registering() {
        return new SoftphoneState(Phase.REGISTERING, null, null);
    }

    public static SoftphoneState ready() {
        return new SoftphoneState(Phase.READY, null, null);
    }

    public static SoftphoneState failed(String reason) {
        return new SoftphoneState(Phase.FAILED, reason, null);
    }

    public SoftphoneState withAudioProblem(String problem) {
        return new SoftphoneState(phase, reason, problem);
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }
}
