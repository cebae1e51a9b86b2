package dev.lifeline.desktop.softphone.interop;

import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a softphone reported, in order, as short lines ("ringing CA1 from sip:bob@…"). */
final class RecordingListener implements SoftphoneListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<SoftphoneState> states = new CopyOnWriteArrayList<>();
    volatile String ringingCallSid;

    @Override
    public void ringing(String callSid, String from) {
        ringingCallSid = callSid;
        events.add("ringing " + callSid + " from " + from);
    }

    @Override
    public void ringCancelled(String callSid, String reason) {
        events.add("ringCancelled " + callSid + ": " + reason);
    }

    @Override
    public void connected(String callSid, String conferenceSid) {
        events.add("connected " + callSid);
    }

    @Override
    public void callEnded(String callSid, String reason) {
        events.add("callEnded " + callSid + ": " + reason);
    }

    @Override
    public void stateChanged(SoftphoneState state) {
        states.add(state);
    }

    @Override
    public void digitReceived(String callSid, char key) {
        events.add("digit " + key);
    }

    @Override
    public void holdChanged(String callSid, boolean heldHere, boolean heldByFarEnd) {
        events.add("hold here=" + heldHere + " farEnd=" + heldByFarEnd);
    }

    boolean saw(String prefix) {
        return events.stream().anyMatch(e -> e.startsWith(prefix));
    }
}
