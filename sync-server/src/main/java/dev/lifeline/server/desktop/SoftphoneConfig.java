package dev.lifeline.server.desktop;

import java.util.Objects;

/**
 * What {@code GET /api/me/softphone} answers: {@code {"kind":"emulator","url":"ws://…/voice-plane?identity=alice",
 * "token":"…"}}. Lives here rather than in shared-model while that module is frozen.
 *
 * @param kind  {@code emulator} (the twilio-sim voice plane); a SIP kind follows
 * @param url   where the softphone connects
 * @param token the per-identity credential the softphone presents; never logged
 */
public record SoftphoneConfig(String kind, String url, String token) {

    public static final String EMULATOR = "emulator";
    /** Not one of DesktopApi's paths yet (shared-model is frozen); the desktop calls it after login. */
    public static final String PATH = "/api/me/softphone";

    public SoftphoneConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "SoftphoneConfig[" + kind + ", " + url + "]";
    }
}
