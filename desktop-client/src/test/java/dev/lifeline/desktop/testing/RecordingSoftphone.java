package dev.lifeline.desktop.testing;

import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneState;
import java.util.List;
import java.util.Optional;

/** A softphone that writes what the desktop asks of it into the log the fake server also writes into. */
public final class RecordingSoftphone implements Softphone {

    private final List<String> log;
    private volatile SoftphoneListener listener;
    private volatile String active;
    private volatile double inputLevel = -96;
    /** Whether {@link #register} reports the phone ready at once (as a fast registrar would); else call {@link #publish}. */
    public volatile boolean readyAtOnce = true;
    private volatile String closedOn;

    public RecordingSoftphone(List<String> log) {
        this.log = log;
    }

    @Override
    public void register(String identity, SoftphoneListener listener) {
        this.listener = listener;
        log.add("softphone:register " + identity);
        listener.stateChanged(readyAtOnce ? SoftphoneState.ready() : SoftphoneState.registering());
    }

    /** An INVITE rings this softphone. */
    public void ring(String callSid) {
        listener.ringing(callSid, "+15550100");
    }

    /** An INVITE from {@code from} (the SIP From URI) rings this softphone. */
    public void ring(String callSid, String from) {
        listener.ringing(callSid, from);
    }

    /** The answered call is up (the ACK came), as SipSoftphone reports it on its own thread. */
    public void connect(String callSid) {
        listener.connected(callSid, null);
    }

    /** The answered call ends from the far side (a BYE, the leg kicked). */
    public void endCall(String callSid) {
        active = null;
        listener.callEnded(callSid, "the far end hung up");
    }

    /** The caller gave up on a ringing call (a CANCEL). */
    public void cancelRing(String callSid) {
        listener.ringCancelled(callSid, "the caller hung up");
    }

    /** The phone's state changes (registering, ready, failed), as SipSoftphone reports it on its own thread. */
    public void publish(SoftphoneState state) {
        listener.stateChanged(state);
    }

    /** The thread that closed the phone (null while open). */
    public String closedOn() {
        return closedOn;
    }

    /** What the microphone measures from now on, in dBFS. */
    public void inputLevel(double dbfs) {
        inputLevel = dbfs;
    }

    @Override
    public void ringOffered(boolean ringing) {
        log.add("softphone:ring " + (ringing ? "on" : "off"));
    }

    @Override
    public void setMuted(boolean muted) {
        log.add("softphone:muted " + muted);
    }

    @Override
    public boolean sendDigit(char key) {
        log.add("softphone:digit " + key);
        return active != null;
    }

    @Override
    public double inputLevelDbfs() {
        return inputLevel;
    }

    @Override
    public void answer(String callSid) {
        active = callSid;
        log.add("softphone:answer " + callSid);
    }

    @Override
    public void reject(String callSid) {
        log.add("softphone:reject " + callSid);
    }

    @Override
    public void hangUp(String callSid) {
        active = null;
        log.add("softphone:hangup " + callSid);
    }

    @Override
    public Optional<String> activeCallSid() {
        return Optional.ofNullable(active);
    }

    @Override
    public boolean isRegistered() {
        return listener != null;
    }

    @Override
    public void close() {
        closedOn = Thread.currentThread().getName();
        log.add("softphone:close");
    }
}
