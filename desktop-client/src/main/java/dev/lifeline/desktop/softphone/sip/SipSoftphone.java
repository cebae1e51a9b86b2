package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.AudioLevel;
import dev.lifeline.desktop.softphone.audio.AudioUnavailableException;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;
import dev.lifeline.desktop.softphone.audio.NullAudioDevice;
import dev.lifeline.desktop.softphone.audio.RingTone;
import dev.lifeline.desktop.softphone.media.TonePlayer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's softphone over SIP and RTP, as Twilio reaches a desktop program: it registers the account's
 * address of record on the SIP Domain ({@link Registration}), rings on an INVITE, answers with G.711 over RTP
 * ({@link SipCalls}), and reports everything to one {@link SoftphoneListener} on its own event thread.
 *
 * <p>{@link #close()} removes the registration ({@code Expires: 0}) but, as the {@link Softphone} contract says,
 * sends no BYE: a call in progress drops as it would if the process died, which is what Lifeline recovers from.
 */
public final class SipSoftphone implements Softphone, SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipSoftphone.class);
    static final Duration UNREGISTER_WAIT = Duration.ofSeconds(3);

    private final SipAccount account;
    private final SipOptions options;
    private final AudioDevice audio;
    private final ScheduledExecutorService timer;
    private final ExecutorService events;

    private SipEndpoint sip;
    private Registration registration;
    private SipCalls calls;
    private SoftphoneListener listener = new SoftphoneListener() {
        @Override
        public void ringing(String callSid, String from) {
        }
    };
    private volatile SoftphoneState state = SoftphoneState.unregistered();
    private volatile String audioProblem;
    private boolean closed;
    private TonePlayer offerRing;

    public SipSoftphone(SipAccount account, SipOptions options, AudioDevice audio) {
        this.account = account;
        this.options = options;
        this.audio = audio;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("softphone-sip-timer"));
        this.events = Executors.newSingleThreadExecutor(daemon("softphone-events"));
    }

    /**
     * Starts the SIP stack and registers. {@code identity} is only logged: the account decides the address calls
     * reach ({@link SipAccount#addressOfRecord()}).
     */
    @Override
    public synchronized void register(String identity, SoftphoneListener listener) {
        if (closed) {
            throw new IllegalStateException("this softphone was closed");
        }
        this.listener = listener;
        log.info("softphone for {} registering {} ({}, {})", identity, account, options, audio.describe());
        probeAudio();
        try {
            sip = new SipEndpoint(account, options, this);
        } catch (SipException | IOException | RuntimeException e) {
            log.warn("the SIP stack did not start", e);
            publish(SoftphoneState.failed("the phone cannot listen on this computer's network ("
                    + e.getMessage() + ")"));
            return;
        }
        calls = new SipCalls(sip, options, this);
        registration = new Registration(sip, options.registerExpiry(), timer, this::publish);
        registration.start();
    }

    private void probeAudio() {
        try {
            audio.openMicrophone().close();
        } catch (AudioUnavailableException e) {
            audioProblem = e.getMessage();
            return;
        }
        try {
            audio.openSpeaker().close();
        } catch (AudioUnavailableException e) {
            audioProblem = e.getMessage();
        }
    }

    void publish(SoftphoneState next) {
        SoftphoneState withAudio = next.withAudioProblem(audioProblem);
        SoftphoneState before = state;
        state = withAudio;
        if (!withAudio.equals(before)) {
            SoftphoneListener target = listener;
            events.execute(() -> {
                target.stateChanged(withAudio);
                if (withAudio.isReady() != before.isReady()) {
                    target.registration(withAudio.isReady());
                }
            });
        }
    }

    /** Hands a callback to the listener on the softphone's event thread (never under a lock). */
    void report(java.util.function.Consumer<SoftphoneListener> callback) {
        SoftphoneListener target = listener;
        events.execute(() -> callback.accept(target));
    }

    FrameSource microphone() {
        try {
            return audio.openMicrophone();
        } catch (AudioUnavailableException e) {
            audioProblem(e.getMessage());
            return new NullAudioDevice().openMicrophone();
        }
    }

    FrameSink speaker() {
        try {
            return audio.openSpeaker();
        } catch (AudioUnavailableException e) {
            audioProblem(e.getMessage());
            return new NullAudioDevice().openSpeaker();
        }
    }

    /** The ring of an INVITE; it replaces the offer's ring, which must not share the speaker with it. */
    TonePlayer ringTone() {
        stopOfferRing();
        return new TonePlayer(new RingTone(), speaker());
    }

    private synchronized void stopOfferRing() {
        if (offerRing != null) {
            offerRing.close();
            offerRing = null;
        }
    }

    /** Runs on the SIP timer thread: opening a sound line may take a while, and the caller is the UI thread. */
    @Override
    public void ringOffered(boolean ringing) {
        try {
            timer.execute(() -> ringOfferedNow(ringing));
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            // The phone is closed: nothing rings any more.
        }
    }

    private void ringOfferedNow(boolean ringing) {
        // A call in progress has the speaker: an offer shown late (a reservation update after the answer) stays
        // silent. Asked outside this object's lock: SipCalls holds its own lock when it calls ringTone().
        boolean inCall = activeCallSid().isPresent();
        synchronized (this) {
            if (ringing && offerRing == null && !closed && !inCall) {
                offerRing = new TonePlayer(new RingTone(), speaker());
            } else if (!ringing && offerRing != null) {
                offerRing.close();
                offerRing = null;
            }
        }
    }

    private void audioProblem(String problem) {
        log.warn("audio: {}; the call goes on without it", problem);
        audioProblem = problem;
        publish(state);
    }

    boolean acceptsCalls() {
        return state.isReady();
    }

    @Override
    public SoftphoneState state() {
        return state;
    }

    /** The registration lifetime the registrar granted last, or null before the first 200 OK. */
    public Duration grantedExpiry() {
        Registration current = registration;
        return current != null ? current.granted() : null;
    }

    /** Where the phone listens for SIP (for tests and the firewall note in the logs). */
    public int localSipPort() {
        return sip.localPort;
    }

    @Override
    public void answer(String callSid) {
        calls().answer(callSid);
    }

    @Override
    public void reject(String callSid) {
        calls().reject(callSid);
    }

    @Override
    public void hangUp(String callSid) {
        calls().hangUp(callSid);
    }

    @Override
    public void hold(String callSid, boolean held) {
        calls().hold(callSid, held);
    }

    @Override
    public void setMuted(boolean muted) {
        SipCalls current = calls;
        if (current != null) {
            current.setMuted(muted);
        }
    }

    @Override
    public boolean isMuted() {
        return calls != null && calls.isMuted();
    }

    @Override
    public boolean sendDigit(char key) {
        return calls != null && calls.sendDigit(key);
    }

    @Override
    public double inputLevelDbfs() {
        return calls != null ? calls.inputLevelDbfs() : AudioLevel.SILENCE_DBFS;
    }

    @Override
    public Optional<String> activeCallSid() {
        return calls != null ? calls.activeCallSid() : Optional.empty();
    }

    @Override
    public boolean isRegistered() {
        return state.isReady();
    }

    private SipCalls calls() {
        SipCalls current = calls;
        if (current == null) {
            throw new IllegalStateException("the softphone is not started");
        }
        return current;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (registration != null) {
            registration.stop(UNREGISTER_WAIT);
        }
        if (calls != null) {
            calls.dropWithoutBye();
        }
        stopOfferRing();
        if (sip != null) {
            sip.close();
        }
        publish(SoftphoneState.unregistered());
        timer.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // SipListener: JAIN-SIP delivers one event at a time on its own thread.

    @Override
    public void processRequest(RequestEvent event) {
        try {
            if (Request.REGISTER.equals(event.getRequest().getMethod())) {
                calls.respondStateless(event, 405);
                return;
            }
            calls.onRequest(event);
        } catch (RuntimeException e) {
            log.warn("SIP request {} could not be handled", event.getRequest().getMethod(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (registration != null && registration.owns(event.getClientTransaction())) {
                registration.onResponse(event.getResponse(), event.getClientTransaction());
            } else {
                calls.onResponse(event);
            }
        } catch (RuntimeException e) {
            log.warn("SIP response {} could not be handled", event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            calls.onServerTimeout(event.getServerTransaction());
        } else if (registration != null) {
            registration.onTimeout(event.getClientTransaction());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.info("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        if (registration != null) {
            registration.onTransportError();
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
