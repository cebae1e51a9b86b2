package dev.lifeline.desktop.softphone;

import java.util.Optional;

/**
 * For a desktop without a voice plane (a supervisor, or a server that gives the agent's voice to another device):
 * never rings, never registers.
 */
public final class NoSoftphone implements Softphone {

    @Override
    public void register(String identity, SoftphoneListener listener) {
    }

    @Override
    public void answer(String callSid) {
    }

    @Override
    public void reject(String callSid) {
    }

    @Override
    public void hangUp(String callSid) {
    }

    @Override
    public Optional<String> activeCallSid() {
        return Optional.empty();
    }

    @Override
    public boolean isRegistered() {
        return false;
    }

    @Override
    public void close() {
    }
}
