package dev.lifeline.desktop.softphone;

/**
 * How the server tells a desktop to reach the voice network ({@code GET /api/me/softphone}):
 * {@code {"kind":"emulator","url":"ws://…/voice-plane?identity=alice","token":"…"}}. Mirrors sync-server's
 * {@code SoftphoneConfig}; it is not in shared-model's {@code DesktopApi} yet (that module is frozen).
 *
 * @param kind  {@code emulator} for twilio-sim's voice plane; other kinds (SIP) are not supported by this desktop yet
 * @param url   where the softphone connects
 * @param token the per-identity credential; never logged
 */
public record SoftphoneSettings(String kind, String url, String token) {

    public static final String EMULATOR = "emulator";
    /** The path sync-server serves it on (its {@code SoftphoneConfig.PATH}). */
    public static final String PATH = "/api/me/softphone";

    public boolean isEmulator() {
        return EMULATOR.equals(kind) && url != null;
    }

    @Override
    public String toString() {
        return "SoftphoneSettings[" + kind + ", " + url + "]";
    }
}
