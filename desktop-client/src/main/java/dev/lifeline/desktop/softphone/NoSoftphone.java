package dev.lifeline.desktop.softphone;

import java.util.Optional;

/**
 * For an agent without a phone: the server has no SIP account for this user ({@code GET /api/me/softphone} answered
 * 404), or the account could not be fetched. Never rings, never registers; its {@link #state()} says why.
 */
public final class NoSoftphone implements Softphone {

    private final SoftphoneState state;

    /** The server has no phone for this user. */
    public NoSoftphone() {
        this(SoftphoneState.none());
    }

    public NoSoftphone(SoftphoneState state) {
        this.state = state;
    }

    @Override
    public void register(String identity, SoftphoneListener listener) {
        listener.stateChanged(state);
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
    public SoftphoneState state() {
        return state;
    }

    @Override
    public void close() {
    }
}
