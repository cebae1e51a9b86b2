package dev.lifeline.server.scenarios;

import dev.lifeline.server.config.SipConfig;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.message.Response;

/**
 * An agent's softphone as the desktop holds it, over SIP and RTP: it REGISTERs with the emulated SIP Domain using the
 * credential the server provisions, answers every INVITE at once with a PCMU answer, sends silence (or a tone) and
 * records what it hears. It can hang up gracefully (BYE) or vanish (a crashed desktop: no BYE, its RTP stops, and the
 * emulator drops the leg after its media timeout).
 */
public final class TestSoftphone implements AutoCloseable {

    /** The SIP Domain the tests provision, as the server does by default. */
    static final String DOMAIN = SipConfig.DEFAULT_DOMAIN;
    /** How long the tests' emulator lets a leg go without RTP: a dropped phone is noticed this long after it vanishes. */
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(3);
    /** The agents' passwords, derived from a fixed test secret as the server derives them from its token secret. */
    static final SipPasswords PASSWORDS = new SipPasswords("test-softphones-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    private static final double AGENT_TONE = 1000;
    private static final double PARTY_TONE = 440;

    /** The registration's lifetime asked for; a desktop renews at half of it, and so does {@link #renewIfHalfExpired}. */
    private static final int REGISTRATION_SECONDS = 600;

    private final SipTestPhone phone;
    private final String identity;
    private final String password;
    private volatile java.time.Instant registeredAt = java.time.Instant.now();
    private final List<String> connectedCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Answered> calls = new ConcurrentHashMap<>();
    private final Thread answering;
    private volatile boolean running = true;
    private volatile double tone;

    private record Answered(SipTestPhone.Incoming invite, RtpTestEndpoint media) {
    }

    private TestSoftphone(SipTestPhone phone, String identity, String password) {
        this.phone = phone;
        this.identity = identity;
        this.password = password;
        this.answering = new Thread(this::answerEveryCall, "test-softphone-" + identity);
        answering.setDaemon(true);
        answering.start();
    }

    /** Registers {@code identity} (its provisioned credential) through the emulator's SIP listener on {@code sipPort}. */
    static TestSoftphone register(int sipPort, String identity) {
        return register(sipPort, identity, PASSWORDS.passwordOf(DOMAIN, identity));
    }

    /** The same with the password a server handed out (other tests' fixtures derive it from their own secret). */
    public static TestSoftphone register(int sipPort, String identity, String password) {
        SipTestPhone phone = new SipTestPhone(sipPort, "udp");
        Response answer = phone.register(DOMAIN, identity, password, REGISTRATION_SECONDS);
        if (answer.getStatusCode() != Response.OK) {
            phone.close();
            throw new AssertionError(identity + " could not register: " + answer.getStatusCode() + " " + answer.getReasonPhrase());
        }
        return new TestSoftphone(phone, identity, password);
    }

    /**
     * Renews the registration once half its lifetime has passed, as the desktop's phone does on its own. A phone that
     * lives as long as a shared fixture (a whole suite, well over ten minutes on a loaded machine) would otherwise
     * silently lose its binding, and calls to the agent would find nobody to ring. Call it from the test's thread
     * between calls: the phone sends one request at a time.
     */
    public void renewIfHalfExpired() {
        if (java.time.Instant.now().isBefore(registeredAt.plusSeconds(REGISTRATION_SECONDS / 2))) {
            return;
        }
        Response answer = phone.register(DOMAIN, identity, password, REGISTRATION_SECONDS);
        if (answer.getStatusCode() != Response.OK) {
            throw new AssertionError(identity + " could not renew its registration: " + answer.getStatusCode());
        }
        registeredAt = java.time.Instant.now();
    }

    /** What the conference instruction dials to reach {@code identity}: the worker's {@code contact_uri}. */
    static String addressOf(String identity) {
        return SipAccounts.addressOf(identity, DOMAIN);
    }

    /** Call SIDs ({@code X-Twilio-CallSid}) of the calls this phone answered. */
    List<String> connectedCalls() {
        return List.copyOf(connectedCalls);
    }

    /** From now on every answered call sends this tone instead of silence (calls already up included). */
    void sendTone(double frequency) {
        tone = frequency;
        calls.values().forEach(call -> call.media().tone(frequency));
    }

    /** Everything this phone heard on {@code callSid}, 8 kHz. */
    short[] heard(String callSid) {
        Answered call = calls.get(callSid);
        return call == null ? new short[0] : call.media().heard();
    }

    /**
     * Proves audio crosses both ways between this phone's latest call and a simulated party (a customer, a third party):
     * the phone sends 1000 Hz, the party 440 Hz, and each tone is detected (Goertzel) in the last second the other
     * end heard.
     */
    void hearsAndIsHeardBy(TwilioSim sim, String partyCallSid) {
        List<String> answered = connectedCalls();
        String agentCall = answered.get(answered.size() - 1);
        sendTone(AGENT_TONE);
        sim.media().farEndSends(partyCallSid, new ToneGenerator(PARTY_TONE, 0.3));
        Await.until("the agent hears the party's tone and the party the agent's",
                () -> toneIn(lastSecond(heard(agentCall)), PARTY_TONE)
                        && toneIn(sim.media().farEndHeard(partyCallSid).last(1), AGENT_TONE));
    }

    private static boolean toneIn(short[] samples, double frequency) {
        return Goertzel.detect(samples, frequency, Codec.SAMPLE_RATE).hits() >= 10;
    }

    private static short[] lastSecond(short[] samples) {
        return java.util.Arrays.copyOfRange(samples, Math.max(0, samples.length - Codec.SAMPLE_RATE), samples.length);
    }

    /** The desktop signs out: its binding is removed ({@code Contact: *}, {@code Expires: 0}), then it stops. */
    public void signOut() {
        phone.unregisterAll();
        drop();
    }

    /** The desktop process dies: no BYE, no un-REGISTER, its RTP stops. */
    void drop() {
        running = false;
        calls.values().forEach(call -> call.media().close());
        phone.close();
    }

    /** The agent hangs up: a BYE in the call's dialog. */
    void hangUp(String callSid) {
        Answered call = calls.remove(callSid);
        if (call == null) {
            throw new IllegalArgumentException("this phone has no call " + callSid);
        }
        call.invite().bye();
        call.media().close();
    }

    private void answerEveryCall() {
        while (running) {
            SipTestPhone.Incoming invite = phone.pollInvite(Duration.ofMillis(200));
            if (invite == null || !running) {
                continue;
            }
            try {
                answer(invite);
            } catch (RuntimeException e) {
                // a fork cancelled while answering, or the phone closing under it: the test sees the call's fate
            }
        }
    }

    private void answer(SipTestPhone.Incoming invite) {
        invite.ring();
        SessionDescription offer = Sdp.parse(invite.sdp());
        RtpTestEndpoint media = new RtpTestEndpoint();
        if (tone > 0) {
            media.tone(tone);
        }
        media.sendTo(offer.address(), offer.port());
        String callSid = invite.header("X-Twilio-CallSid");
        calls.put(callSid, new Answered(invite, media));
        invite.answer(media.answerSdp());
        connectedCalls.add(callSid);
    }

    @Override
    public void close() {
        if (running) {
            drop();
        }
    }
}
