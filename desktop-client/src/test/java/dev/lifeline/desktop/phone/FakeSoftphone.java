package dev.lifeline.desktop.phone;

import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A softphone in a call that records keys and mute, with a settable input level. */
final class FakeSoftphone implements Softphone {

    final List<Character> digits = new ArrayList<>();
    boolean inCall = true;
    boolean muted;
    double level = -96;

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
        return inCall ? Optional.of("CA1") : Optional.empty();
    }

    @Override
    public boolean isRegistered() {
        return true;
    }

    @Override
    public boolean sendDigit(char key) {
        if (!inCall) {
            return false;
        }
        digits.add(key);
        return true;
    }

    @Override
    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    @Override
    public double inputLevelDbfs() {
        return level;
    }

    @Override
    public void close() {
    }
}
