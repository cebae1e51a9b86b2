package dev.lifeline.server.app;

import dev.lifeline.server.desktop.SoftphoneAccess;
import dev.lifeline.server.desktop.SoftphoneConfig;
import dev.lifeline.sim.TwilioSim;
import java.util.Optional;

/** Sim mode: each desktop's softphone registers on the emulator's voice plane with a token for its identity only. */
final class EmulatorSoftphones implements SoftphoneAccess {

    private final TwilioSim sim;

    EmulatorSoftphones(TwilioSim sim) {
        this.sim = sim;
    }

    @Override
    public Optional<SoftphoneConfig> forIdentity(String identity) {
        String url = "ws://localhost:" + sim.port() + "/voice-plane?identity=" + identity;
        return Optional.of(new SoftphoneConfig("emulator", url, sim.voicePlane().tokens().forIdentity(identity)));
    }
}
