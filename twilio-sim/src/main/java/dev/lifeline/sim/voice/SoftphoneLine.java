package dev.lifeline.sim.voice;

import java.util.Map;

/**
 * How the voice side reaches softphones registered as {@code client:<identity>} (the voice plane implements
 * it). Sends must not block: they are made while the world lock is held.
 */
public interface SoftphoneLine {

    SoftphoneLine NONE = new SoftphoneLine() {
        @Override
        public boolean online(String identity) {
            return false;
        }

        @Override
        public void send(String identity, Map<String, Object> message) {
        }
    };

    /** Whether a softphone for that identity is connected right now. */
    boolean online(String identity);

    /** Queues a JSON message (see {@code twilio-sim/README.md}, "Voice plane") for that identity's softphone. */
    void send(String identity, Map<String, Object> message);
}
