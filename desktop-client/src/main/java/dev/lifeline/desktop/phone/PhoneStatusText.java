package dev.lifeline.desktop.phone;

import dev.lifeline.desktop.softphone.SoftphoneState;

/** The status bar's words for the softphone: "Phone ready", or why not, in plain words. */
public final class PhoneStatusText {

    private PhoneStatusText() {
    }

    public static String of(SoftphoneState state) {
        String text = switch (state.phase()) {
            case NONE -> "No phone for this user";
            case READY -> "Phone ready";
            case REGISTERING -> "Connecting the phone…";
            case UNREGISTERED -> "Phone off";
            case FAILED -> "Phone not ready: " + state.reason();
        };
        if (state.audioProblem() != null && state.phase() != SoftphoneState.Phase.UNREGISTERED
                && state.phase() != SoftphoneState.Phase.NONE) {
            text += " (" + state.audioProblem() + ")";
        }
        return text;
    }
}
