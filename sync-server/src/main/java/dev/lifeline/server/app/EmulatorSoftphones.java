package dev.lifeline.server.app;

import dev.lifeline.server.desktop.SoftphoneAccess;
import dev.lifeline.server.desktop.SoftphoneConfig;
import dev.lifeline.sim.voiceplane.VoicePlaneTokens;
import java.util.Optional;

/** Sim mode: each desktop's softphone registers on the emulator's voice plane with a token for its identity only. */
final class EmulatorSoftphones implements SoftphoneAccess {

    private final String voicePlaneUrl;
    private final VoicePlaneTokens tokens;

    /** @param emulatorUrl the emulator's base URL ({@code http://localhost:18080}), embedded or shared */
    EmulatorSoftphones(String emulatorUrl, String authToken) {
        this.voicePlaneUrl = emulatorUrl.replaceFirst("^http", "ws") + "/voice-plane";
        this.tokens = new VoicePlaneTokens(authToken);
    }

    @Override
    public Optional<SoftphoneConfig> forIdentity(String identity) {
        return Optional.of(new SoftphoneConfig("emulator", voicePlaneUrl + "?identity=" + identity, tokens.forIdentity(identity)));
    }
}
