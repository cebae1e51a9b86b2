package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlFetcher;
import dev.lifeline.sim.twiml.TwimlVerb;
import dev.lifeline.sim.webhook.WebhookSigner;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Voice: Calls, Conferences, Participants, TwiML, status callbacks, and the hooks the SIP user agent, the media plane and the
 * scenario API drive. Every public method takes the world lock, so it is safe from any thread.
 */
public final class VoiceEmulator implements ConferenceSwitch {

    /** The least sim-clock time between two requests of a waitUrl (see {@link Queueing}); assumed, not Twilio's. */
    public static final Duration DEFAULT_WAIT_URL_FLOOR = Duration.ofSeconds(5);
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9*#]{1,64}");

    private final SimContext context;
    private final Calls calls;
    private final Conferences conferences;
    private final Endpoints endpoints;
    private final VoiceQueues queues;
    private final VoiceApi api;
    private final QueueApi queueApi;
    private final ConferenceBridge bridge;
    private CallQueue queue;

    public VoiceEmulator(SimContext context) {
        this(context, DEFAULT_WAIT_URL_FLOOR);
    }

    /** @param waitUrlFloor the least sim-clock time between two requests of a waitUrl */
    public VoiceEmulator(SimContext context, Duration waitUrlFloor) {
        if (waitUrlFloor == null || waitUrlFloor.isNegative() || waitUrlFloor.isZero()) {
            throw new IllegalArgumentException("the waitUrl floor must be positive");
        }
        this.context = context;
        TwimlFetcher fetcher = new TwimlFetcher(new WebhookSigner(context.authToken));
        this.calls = new Calls(context, fetcher);
        this.conferences = new Conferences(context);
        this.endpoints = new Endpoints(context);
        this.queues = new VoiceQueues(context);
        Queueing queueing = new Queueing(context, fetcher, queues, () -> {
            if (queue == null) {
                throw TwilioApiException.badRequest("<Enqueue> needs TaskRouter, which is not connected");
            }
            return queue;
        }, waitUrlFloor);
        Gathers gathers = new Gathers(context);
        calls.wire(conferences, endpoints, queueing, gathers);
        queueing.wire(calls, endpoints);
        gathers.wire(calls, endpoints);
        conferences.wire(calls, endpoints);
        endpoints.wire(calls, conferences);
        this.api = new VoiceApi(context, calls, conferences, new MachineDetector(context, calls, endpoints));
        this.queueApi = new QueueApi(context, queues, calls);
        this.bridge = new ConferenceBridge(context, calls, conferences);
    }

    public void connect(CallQueue queue) {
        this.queue = queue;
    }

    public void routes(JavalinDefaultRoutingApi routes) {
        new VoiceRoutes(api, queueApi, context).register(routes);
    }

    /** The SIP user agent registers itself here so {@code sip:} addresses ring registered endpoints. */
    public void sipLine(SipLine line) {
        synchronized (context.world) {
            endpoints.sip(line);
        }
    }

    /** The media plane registers itself here to learn what each leg hears. */
    public void audio(CallAudio audio) {
        synchronized (context.world) {
            endpoints.audio(audio);
        }
    }

    // --- SIP user agent hooks ---------------------------------------------------------------------------------------

    /** A fork of the leg's INVITE answered 180/183. */
    public void sipRinging(String callSid) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call != null && call.status == CallStatus.RINGING) {
                call.count("sipRinging");
            }
        }
    }

    /** The first 2xx to the leg's INVITE (already ACKed): the leg is answered. */
    public void sipAnswered(String callSid) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call != null && call.status == CallStatus.RINGING) {
                call.sipAnswered = true;
                calls.answer(call);
            }
        }
    }

    /**
     * The leg's dial failed: {@code busy} (486/600/603), {@code failed} (nobody registered: {@code twilioCode} 32009;
     * an edge in the dialled host: 32220; no user: 32223; unreachable endpoint).
     *
     * @return false when the leg was no longer ringing
     */
    public boolean sipFailed(String callSid, CallStatus status, Integer twilioCode) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call == null || !call.status.isUnanswered()) {
                return false;
            }
            call.sipError = twilioCode;
            call.count(twilioCode == null ? "sipFailed" : "sipError" + twilioCode);
            calls.failDial(call, status, "sip-" + status.wire());
            return true;
        }
    }

    /** The endpoint sent BYE: the leg ends exactly as a hang-up does ({@code participant_hung_up}). */
    public void sipHungUp(String callSid) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call != null && !call.status.isFinal()) {
                call.sipAnswered = false; // nothing to BYE back
                call.count("sipBye");
                calls.hangUp(call, LeaveReason.PARTICIPANT_HUNG_UP, false, "sip-bye");
            }
        }
    }

    /**
     * The leg's RTP stopped for the media timeout: a non-graceful drop, reported like a dropped connection
     * ({@code participant_hung_up}); the emulator then sends BYE, as Twilio tears the leg down.
     */
    public void mediaLost(String callSid) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call != null && call.status == CallStatus.IN_PROGRESS) {
                call.count("mediaTimeout");
                calls.hangUp(call, LeaveReason.PARTICIPANT_HUNG_UP, false, "media-timeout");
            }
        }
    }

    // --- ConferenceSwitch -----------------------------------------------------------------------------------

    @Override
    public String connect(ConferenceInstruction instruction, WorkerLegListener listener) {
        return bridge.connect(instruction, listener);
    }

    // --- scenario / in-process Java API ------------------------------------------------------------------

    /**
     * A customer calls in from {@code from} and is enqueued to {@code workflowSid} with {@code attributesJson}
     * (via {@link CallQueue#enqueue}), hearing hold music.
     *
     * @return the inbound call's SID
     */
    public String inboundCall(String from, String to, String workflowSid, String attributesJson, Integer priority,
                              Integer timeoutSeconds) {
        if (from == null || from.isBlank()) {
            throw TwilioApiException.missingParameter("from");
        }
        if (workflowSid == null || workflowSid.isBlank()) {
            throw TwilioApiException.missingParameter("workflowSid");
        }
        List<TwimlVerb> program = List.of(new TwimlVerb.Enqueue(workflowSid,
                attributesJson == null ? "{}" : attributesJson, priority, timeoutSeconds));
        return inboundCallWithTwiml(from, to, program);
    }

    /** A customer calls in and Twilio runs {@code twiml} for the call. */
    public String inboundCall(String from, String to, String twiml) {
        return inboundCallWithTwiml(from, to, VoiceParams.parseTwiml(twiml));
    }

    /**
     * A customer calls the number {@code to} and Twilio requests its voice URL ({@code method}, default POST) with the
     * call's parameters, signed, and runs the TwiML it answers, as for a real phone number's incoming call.
     */
    public String inboundCallToUrl(String from, String to, String url, String method) {
        if (from == null || from.isBlank()) {
            throw TwilioApiException.missingParameter("from");
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("url", url == null ? List.of() : List.of(url));
        form.put("method", method == null ? List.of() : List.of(method));
        FormParams params = new FormParams(form);
        String checkedUrl = params.url("url");
        if (checkedUrl == null) {
            throw TwilioApiException.missingParameter("url");
        }
        String checkedMethod = params.method("method");
        synchronized (context.world) {
            VoiceCall call = calls.create(from, to == null ? "+15550100000" : to, "inbound", CallProgressSettings.NONE);
            calls.answerInbound(call, checkedUrl, checkedMethod == null ? "POST" : checkedMethod);
            return call.sid;
        }
    }

    private String inboundCallWithTwiml(String from, String to, List<TwimlVerb> program) {
        synchronized (context.world) {
            VoiceCall call = calls.create(from, to == null ? "+15550100000" : to, "inbound", CallProgressSettings.NONE);
            calls.answerInbound(call, program);
            return call.sid;
        }
    }

    /** The party on {@code callSid} hangs up ({@code participant_hung_up}). */
    public void hangUp(String callSid) {
        synchronized (context.world) {
            calls.hangUp(calls.require(callSid), LeaveReason.PARTICIPANT_HUNG_UP, false, "party");
        }
    }

    /** A ringing call is answered by the dialled party (an external number or a client). */
    public void answer(String callSid) {
        synchronized (context.world) {
            calls.answer(calls.require(callSid));
        }
    }

    /** A ringing call is rejected: status {@code busy}. */
    public void reject(String callSid) {
        synchronized (context.world) {
            VoiceCall call = calls.require(callSid);
            if (!call.status.isUnanswered()) {
                throw TwilioApiException.badRequest("Call " + callSid + " is not ringing");
            }
            calls.failDial(call, CallStatus.BUSY, "rejected");
        }
    }

    /** Puts the call's participant on hold (or takes it off) as a participant update would. */
    public void hold(String callSid, boolean hold, String holdUrl) {
        synchronized (context.world) {
            VoiceCall call = calls.require(callSid);
            VoiceConference conference = call.conferenceSid == null ? null : conferences.get(call.conferenceSid);
            VoiceParticipant participant = conference == null ? null : conference.participants.get(callSid);
            if (participant == null) {
                throw TwilioApiException.badRequest("Call " + callSid + " is not in a conference");
            }
            if (conferences.setHold(conference, participant, hold, holdUrl, null)) {
                calls.playHoldMedia(call, participant.holdUrl, participant.holdMethod);
            }
        }
    }

    /**
     * Dials {@code to} into the conference (SID or friendly name) as a Participants create would.
     *
     * @param answerNow whether the party answers at once; otherwise it rings until answered or timed out
     * @return the new participant's call SID
     */
    public String addParticipant(String conferenceSidOrName, String from, String to, String label, boolean answerNow) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("From", List.of(from == null ? "+15550100000" : from));
        params.put("To", List.of(to));
        if (label != null) {
            params.put("Label", List.of(label));
        }
        synchronized (context.world) {
            String callSid = (String) api.createParticipant(conferenceSidOrName, new FormParams(params)).get("call_sid");
            VoiceCall call = calls.get(callSid);
            if (answerNow && call.status == CallStatus.RINGING) {
                calls.answer(call);
            }
            return callSid;
        }
    }

    /** Calls to {@code address} ({@code client:bob}, {@code +1555…}) are answered automatically after {@code delay}. */
    public void registerAutoAnswer(String address, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw TwilioApiException.badRequest("delay must be zero or positive");
        }
        registerEndpoint(address, EndpointBehaviour.answer(delay));
    }

    /**
     * What calls to {@code address} ({@code +1555…}, {@code client:bob}, {@code sip:…}) meet from now on: a person, an
     * answering machine or a fax answers, the line is busy, fails, or nobody answers (see {@link EndpointBehaviour}).
     */
    public void registerEndpoint(String address, EndpointBehaviour behaviour) {
        if (address == null || address.isBlank()) {
            throw TwilioApiException.missingParameter("address");
        }
        if (behaviour == null) {
            throw TwilioApiException.missingParameter("outcome");
        }
        synchronized (context.world) {
            endpoints.behave(address, behaviour);
        }
    }

    public boolean unregisterAutoAnswer(String address) {
        synchronized (context.world) {
            return endpoints.forget(address);
        }
    }

    /**
     * The far end of {@code callSid} presses {@code keys} ({@code 0-9}, {@code *}, {@code #}), one after the other, as
     * a running {@code <Gather>} hears them; keys pressed when no {@code <Gather>} listens are dropped, as Twilio drops
     * them.
     *
     * @return how many keys a {@code <Gather>} took
     */
    public int sendDigits(String callSid, String keys) {
        if (keys == null || !DIGITS.matcher(keys).matches()) {
            throw TwilioApiException.badRequest("digits must be 1 to 64 of 0-9, * and #, got '" + keys + "'");
        }
        synchronized (context.world) {
            VoiceCall call = calls.require(callSid);
            if (call.status != CallStatus.IN_PROGRESS) {
                throw TwilioApiException.badRequest("Call " + callSid + " is not in progress (status " + call.status.wire() + ")");
            }
            return calls.digits(call, keys);
        }
    }

    /** A key decoded from the leg's RTP (RFC 4733 telephone-event); dropped when the call is over. */
    public void rtpDigit(String callSid, char key) {
        synchronized (context.world) {
            VoiceCall call = calls.get(callSid);
            if (call != null && call.status == CallStatus.IN_PROGRESS) {
                call.count("rtpDigit");
                calls.digits(call, String.valueOf(key));
            }
        }
    }

    // --- state for assertions ----------------------------------------------------------------------------

    /** Calls and conferences (with participants and flags) as plain maps, for assertions and the scenario API. */
    public Map<String, Object> snapshot() {
        synchronized (context.world) {
            return VoiceSnapshot.of(calls.all(), conferences.visible(), endpoints.behaviours(), queues.all(),
                    context.clock.now());
        }
    }

    /** How many times each side effect was performed on a call ({@code redirect}, {@code update}, {@code enqueue}…). */
    public Map<String, Integer> effects(String callSid) {
        synchronized (context.world) {
            return Map.copyOf(calls.require(callSid).effects);
        }
    }

    /** The text of each {@code <Say>} the call ran, oldest first (the last 50): what the caller heard. */
    public java.util.List<String> spoken(String callSid) {
        synchronized (context.world) {
            return java.util.List.copyOf(calls.require(callSid).spoken);
        }
    }

    /** What the call's last hold media request gave ({@code playing <url>}, {@code failed: …}), or null. */
    public String holdMedia(String callSid) {
        synchronized (context.world) {
            return calls.require(callSid).holdMedia;
        }
    }

    /** The call's status as the API would report it, e.g. {@code in-progress}. */
    public String callStatus(String callSid) {
        synchronized (context.world) {
            return calls.require(callSid).status.wire();
        }
    }
}
