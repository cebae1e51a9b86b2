package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlFetcher;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlVerb;
import dev.lifeline.sim.webhook.WebhookSigner;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Voice: Calls, Conferences, Participants, TwiML, status callbacks, and the hooks the voice plane and the
 * scenario API drive. Every public method takes the world lock, so it is safe from any thread.
 */
public final class VoiceEmulator implements ConferenceSwitch {

    private static final int DEFAULT_RING_TIMEOUT_SECONDS = 60;

    private final SimContext context;
    private final Calls calls;
    private final Conferences conferences;
    private final Endpoints endpoints;
    private CallQueue queue;

    public VoiceEmulator(SimContext context) {
        this.context = context;
        this.calls = new Calls(context, new TwimlFetcher(new WebhookSigner(context.authToken)));
        this.conferences = new Conferences(context);
        this.endpoints = new Endpoints(context);
        calls.wire(conferences, endpoints, () -> {
            if (queue == null) {
                throw TwilioApiException.badRequest("<Enqueue> needs TaskRouter, which is not connected");
            }
            return queue;
        });
        conferences.wire(calls, endpoints);
        endpoints.wire(calls);
    }

    public void connect(CallQueue queue) {
        this.queue = queue;
    }

    public void routes(JavalinDefaultRoutingApi routes) {
        new VoiceRoutes(this, context).register(routes);
    }

    /** The voice plane registers itself here so {@code client:} addresses ring real softphones. */
    public void softphones(SoftphoneLine line) {
        synchronized (context.world) {
            endpoints.line(line);
        }
    }

    // --- ConferenceSwitch -----------------------------------------------------------------------------------

    @Override
    public String connect(ConferenceInstruction instruction, WorkerLegListener listener) {
        synchronized (context.world) {
            VoiceCall customer = instruction.customerCallSid() == null ? null : calls.get(instruction.customerCallSid());
            if (customer == null || customer.status != CallStatus.IN_PROGRESS) {
                throw TwilioApiException.badRequest("The customer call " + instruction.customerCallSid()
                        + " is not in progress");
            }
            if (instruction.to() == null || instruction.to().isBlank()) {
                throw TwilioApiException.missingParameter("To");
            }
            FormParams params = new FormParams(instruction.params());
            ConferenceCallbackSettings callback = callbackSettings(params);
            String identity = instruction.to().startsWith("client:") ? instruction.to().substring(7) : null;
            String beep = params.oneOf("Beep", Set.of("true", "false", "onEnter", "onExit"));
            ParticipantSettings workerSettings = new ParticipantSettings(
                    identity != null ? identity : "worker",
                    params.bool("Muted", false),
                    params.bool("StartConferenceOnEnter", true),
                    params.bool("EndConferenceOnExit", false),
                    beep == null ? "true" : beep,
                    false, null, params.url("WaitUrl"), callback);
            ParticipantSettings customerSettings = new ParticipantSettings(
                    "customer", false, true, params.bool("EndConferenceOnCustomerExit", false),
                    beep == null ? "true" : beep, false, null, null, callback);
            int timeout = params.integer("Timeout", 1, 600, DEFAULT_RING_TIMEOUT_SECONDS);
            CallProgressSettings progress = progressSettings(params, "StatusCallback", "StatusCallbackMethod",
                    "StatusCallbackEvent");
            String conferenceName = instruction.conferenceName();

            VoiceCall leg = calls.create(instruction.from() == null ? customer.to : instruction.from(),
                    instruction.to(), "outbound-api", progress);
            leg.workerLegListener = listener;
            leg.count("conferenceInstruction");
            customer.bridgeLegs.add(leg.sid);
            calls.dial(leg, timeout, new VoiceCall.DialOutcome() {
                @Override
                public void answered(VoiceCall workerLeg) {
                    if (customer.status != CallStatus.IN_PROGRESS) {
                        // the customer hung up while the worker's phone rang
                        workerLeg.workerLegListener = null;
                        calls.hangUp(workerLeg, LeaveReason.PARTICIPANT_HUNG_UP, true, "customer-gone");
                        listener.failed(workerLeg.sid, CallStatus.CANCELED.wire());
                        return;
                    }
                    VoiceConference conference = conferences.findOrCreate(conferenceName);
                    calls.takeForBridge(customer);
                    customer.count("bridged");
                    conferences.join(conference, customer, customerSettings);
                    conferences.join(conference, workerLeg, workerSettings);
                    listener.answered(workerLeg.sid, conference.sid);
                }

                @Override
                public void failed(VoiceCall workerLeg, CallStatus status) {
                    listener.failed(workerLeg.sid, status.wire());
                }
            });
            return leg.sid;
        }
    }

    // --- REST operations (VoiceRoutes) ------------------------------------------------------------------

    Map<String, Object> createCall(FormParams form) {
        String to = form.required("To");
        String from = form.required("From");
        String twiml = form.string("Twiml");
        String url = form.url("Url");
        if (form.has("ApplicationSid")) {
            throw TwilioApiException.badRequest("ApplicationSid is not supported by the emulator: use Url or Twiml");
        }
        if (twiml == null && url == null) {
            throw TwilioApiException.badRequest("One of Url, Twiml or ApplicationSid is required");
        }
        if (twiml != null && url != null) {
            throw TwilioApiException.badRequest("Only one of Url or Twiml may be given");
        }
        List<TwimlVerb> program = twiml == null ? List.of() : parseTwiml(twiml);
        int timeout = form.integer("Timeout", 1, 600, DEFAULT_RING_TIMEOUT_SECONDS);
        String method = form.method("Method");
        CallProgressSettings progress = progressSettings(form, "StatusCallback", "StatusCallbackMethod",
                "StatusCallbackEvent");
        synchronized (context.world) {
            VoiceCall call = calls.create(from, to, "outbound-api", progress);
            call.program = program;
            call.pendingUrl = url;
            calls.dial(call, timeout, new VoiceCall.DialOutcome() {
                @Override
                public void answered(VoiceCall answered) {
                    calls.runInitialProgram(answered, method);
                }

                @Override
                public void failed(VoiceCall failed, CallStatus status) {
                }
            });
            return VoiceJson.call(context.accountSid, call);
        }
    }

    Map<String, Object> fetchCall(String sid) {
        synchronized (context.world) {
            return VoiceJson.call(context.accountSid, calls.require(sid));
        }
    }

    List<Map<String, Object>> listCalls(String status, String to, String from) {
        synchronized (context.world) {
            List<Map<String, Object>> list = new ArrayList<>();
            calls.all().stream()
                    .filter(c -> status == null || c.status.wire().equals(status))
                    .filter(c -> to == null || to.equals(c.to))
                    .filter(c -> from == null || from.equals(c.from))
                    .sorted((a, b) -> b.dateCreated.compareTo(a.dateCreated))
                    .forEach(c -> list.add(VoiceJson.call(context.accountSid, c)));
            return list;
        }
    }

    Map<String, Object> updateCall(String sid, FormParams form) {
        String status = form.oneOf("Status", Set.of("canceled", "completed"));
        String twiml = form.string("Twiml");
        String url = form.url("Url");
        String method = form.method("Method");
        if (twiml != null && url != null) {
            throw TwilioApiException.badRequest("Only one of Url or Twiml may be given");
        }
        List<TwimlVerb> program = twiml == null ? null : parseTwiml(twiml);
        synchronized (context.world) {
            VoiceCall call = calls.require(sid);
            call.count("update");
            if (status != null) {
                if (call.status.isFinal()) {
                    return VoiceJson.call(context.accountSid, call); // Twilio answers the unchanged call
                }
                if ("canceled".equals(status) && !call.status.isUnanswered()) {
                    // Twilio: "canceled" only affects queued or ringing calls
                    return VoiceJson.call(context.accountSid, call);
                }
                calls.hangUp(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, true, "api");
            } else if (program != null || url != null) {
                calls.redirect(call, program, url, method);
            }
            return VoiceJson.call(context.accountSid, call);
        }
    }

    Map<String, Object> fetchConference(String sid) {
        synchronized (context.world) {
            return VoiceJson.conference(context.accountSid, conferences.require(sid));
        }
    }

    List<Map<String, Object>> listConferences(String friendlyName, String status) {
        synchronized (context.world) {
            List<Map<String, Object>> list = new ArrayList<>();
            conferences.all().stream()
                    .filter(c -> friendlyName == null || friendlyName.equals(c.friendlyName))
                    .filter(c -> status == null || status.equals(c.status))
                    .sorted((a, b) -> b.dateCreated.compareTo(a.dateCreated))
                    .forEach(c -> list.add(VoiceJson.conference(context.accountSid, c)));
            return list;
        }
    }

    Map<String, Object> updateConference(String sid, FormParams form) {
        String status = form.oneOf("Status", Set.of("completed"));
        String announceUrl = form.url("AnnounceUrl");
        form.method("AnnounceMethod");
        synchronized (context.world) {
            VoiceConference conference = conferences.require(sid);
            if (!conference.active() && (status != null || announceUrl != null)) {
                throw new TwilioApiException(400, 20001, "Conference " + sid + " is not in progress");
            }
            if (announceUrl != null) {
                conferences.announceToAll(conference, announceUrl);
            }
            if (status != null) {
                conferences.endViaApi(conference);
            }
            return VoiceJson.conference(context.accountSid, conference);
        }
    }

    Map<String, Object> createParticipant(String conferenceSidOrName, FormParams form) {
        String from = form.required("From");
        String to = form.required("To");
        String label = form.string("Label");
        String beep = form.oneOf("Beep", Set.of("true", "false", "onEnter", "onExit"));
        ParticipantSettings settings = new ParticipantSettings(
                label,
                form.bool("Muted", false),
                form.bool("StartConferenceOnEnter", true),
                form.bool("EndConferenceOnExit", false),
                beep == null ? "true" : beep,
                form.bool("Coaching", false),
                form.string("CallSidToCoach"),
                form.url("WaitUrl"),
                callbackSettings(form));
        int timeout = form.integer("Timeout", 5, 600, DEFAULT_RING_TIMEOUT_SECONDS);
        CallProgressSettings progress = progressSettings(form, "StatusCallback", "StatusCallbackMethod",
                "StatusCallbackEvent");
        synchronized (context.world) {
            VoiceConference conference;
            if (conferenceSidOrName.startsWith("CF") && conferenceSidOrName.length() == 34) {
                conference = conferences.require(conferenceSidOrName);
                if (!conference.active()) {
                    throw TwilioApiException.notFound("Conference", conferenceSidOrName);
                }
            } else {
                conference = conferences.activeNamed(conferenceSidOrName);
                if (conference != null && label != null && conference.byLabel(label) != null) {
                    throw TwilioApiException.badRequest("Label '" + label + "' is already used in this conference");
                }
                if (conference == null) {
                    conference = conferences.findOrCreate(conferenceSidOrName);
                }
            }
            if (label != null && conference.byLabel(label) != null) {
                throw TwilioApiException.badRequest("Label '" + label + "' is already used in this conference");
            }
            VoiceParticipant participant = dialIntoConference(conference, from, to, settings, timeout, progress);
            return VoiceJson.participant(context.accountSid, participant, true);
        }
    }

    private VoiceParticipant dialIntoConference(VoiceConference conference, String from, String to,
                                                ParticipantSettings settings, int timeout, CallProgressSettings progress) {
        VoiceCall call = calls.create(from, to, "outbound-api", progress);
        VoiceParticipant participant = conferences.addRinging(conference, call, settings);
        calls.dial(call, timeout, new VoiceCall.DialOutcome() {
            @Override
            public void answered(VoiceCall answered) {
                if (!conference.active()) {
                    calls.hangUp(answered, LeaveReason.PARTICIPANT_HUNG_UP, true, "conference-gone");
                    return;
                }
                conferences.join(conference, answered, settings);
            }

            @Override
            public void failed(VoiceCall failed, CallStatus status) {
                VoiceParticipant ringing = conference.participants.get(failed.sid);
                if (ringing != null) {
                    ringing.status = "failed";
                    conferences.leave(ringing, LeaveReason.PARTICIPANT_ADD_FAILED, status.wire(), false);
                }
            }
        });
        return participant;
    }

    Map<String, Object> fetchParticipant(String conferenceSid, String callSidOrLabel) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            return VoiceJson.participant(context.accountSid, conferences.requireParticipant(conference, callSidOrLabel), false);
        }
    }

    List<Map<String, Object>> listParticipants(String conferenceSid, Boolean muted, Boolean hold, Boolean coaching) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            List<Map<String, Object>> list = new ArrayList<>();
            conference.participants.values().stream()
                    .filter(p -> muted == null || p.muted == muted)
                    .filter(p -> hold == null || p.hold == hold)
                    .filter(p -> coaching == null || p.coaching == coaching)
                    .forEach(p -> list.add(VoiceJson.participant(context.accountSid, p, false)));
            return list;
        }
    }

    Map<String, Object> updateParticipant(String conferenceSid, String callSidOrLabel, FormParams form) {
        Boolean muted = form.bool("Muted");
        Boolean hold = form.bool("Hold");
        String holdUrl = form.url("HoldUrl");
        form.method("HoldMethod");
        String announceUrl = form.url("AnnounceUrl");
        form.method("AnnounceMethod");
        Boolean endConferenceOnExit = form.bool("EndConferenceOnExit");
        Boolean coaching = form.bool("Coaching");
        String callSidToCoach = form.string("CallSidToCoach");
        Boolean beepOnExit = form.bool("BeepOnExit");
        String waitUrl = form.url("WaitUrl");
        form.method("WaitMethod");
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            VoiceParticipant participant = conferences.requireParticipant(conference, callSidOrLabel);
            VoiceCall call = calls.get(participant.callSid);
            if (call != null) {
                call.count("participantUpdate");
            }
            conferences.modify(conference, participant, endConferenceOnExit, coaching, callSidToCoach, beepOnExit, waitUrl);
            if (muted != null) {
                conferences.setMuted(conference, participant, muted);
            }
            if (hold != null || holdUrl != null) {
                conferences.setHold(conference, participant, hold == null ? participant.hold : hold, holdUrl);
            }
            if (announceUrl != null) {
                conferences.announceTo(conference, participant, announceUrl);
            }
            return VoiceJson.participant(context.accountSid, participant, false);
        }
    }

    /** Kick: the participant leaves; its call goes on with its next TwiML verb or completes. */
    void deleteParticipant(String conferenceSid, String callSidOrLabel) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            VoiceParticipant participant = conferences.requireParticipant(conference, callSidOrLabel);
            VoiceCall call = calls.get(participant.callSid);
            if (call == null) {
                conferences.leave(participant, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "completed", true);
                return;
            }
            call.count("kicked");
            if (call.status.isUnanswered()) {
                calls.hangUp(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, true, "kicked");
                return;
            }
            boolean continues = call.hasMoreVerbs();
            conferences.leave(participant, LeaveReason.PARTICIPANT_UPDATED_VIA_API,
                    continues ? "in-progress" : "completed", true);
            calls.leftConference(call, continues);
        }
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
        return inboundCallWithTwiml(from, to, parseTwiml(twiml));
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
            calls.answer(calls.require(callSid), null);
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
            conferences.setHold(conference, participant, hold, holdUrl);
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
            String callSid = (String) createParticipant(conferenceSidOrName, new FormParams(params)).get("call_sid");
            VoiceCall call = calls.get(callSid);
            if (answerNow && call.status == CallStatus.RINGING) {
                calls.answer(call, null);
            }
            return callSid;
        }
    }

    /** Calls to {@code address} ({@code client:bob}, {@code +1555…}) are answered automatically after {@code delay}. */
    public void registerAutoAnswer(String address, Duration delay) {
        if (address == null || address.isBlank()) {
            throw TwilioApiException.missingParameter("address");
        }
        if (delay == null || delay.isNegative()) {
            throw TwilioApiException.badRequest("delay must be zero or positive");
        }
        synchronized (context.world) {
            endpoints.registerAutoAnswer(address, delay);
        }
    }

    public boolean unregisterAutoAnswer(String address) {
        synchronized (context.world) {
            return endpoints.unregisterAutoAnswer(address);
        }
    }

    // --- voice plane hooks -------------------------------------------------------------------------------

    /** Rings a softphone that registers now should hear (calls already ringing its identity). */
    public List<Map<String, Object>> pendingRings(String identity) {
        synchronized (context.world) {
            return endpoints.pendingRings(identity);
        }
    }

    /** The softphone of {@code identity} on connection {@code session} answers a leg ringing it. */
    public void softphoneAnswer(String identity, String session, String callSid) {
        synchronized (context.world) {
            VoiceCall call = requireOwnLeg(identity, callSid);
            calls.answer(call, session);
        }
    }

    public void softphoneReject(String identity, String callSid) {
        synchronized (context.world) {
            VoiceCall call = requireOwnLeg(identity, callSid);
            if (!call.status.isUnanswered()) {
                throw TwilioApiException.badRequest("Call " + callSid + " is not ringing");
            }
            calls.failDial(call, CallStatus.BUSY, "rejected");
        }
    }

    /** A graceful hang-up message from the softphone. */
    public void softphoneHangUp(String identity, String callSid) {
        synchronized (context.world) {
            VoiceCall call = requireOwnLeg(identity, callSid);
            call.count("softphoneHangup");
            calls.hangUp(call, LeaveReason.PARTICIPANT_HUNG_UP, false, "softphone-hangup");
        }
    }

    /**
     * The connection closed without a hang-up message: every leg it answered drops, reported exactly as
     * Twilio reports a dropped leg ({@code participant_hung_up}, call {@code completed}).
     */
    public void softphoneDisconnected(String session) {
        synchronized (context.world) {
            for (VoiceCall call : new ArrayList<>(calls.all())) {
                if (session.equals(call.softphoneSession) && !call.status.isFinal()) {
                    call.count("softphoneDropped");
                    calls.hangUp(call, LeaveReason.PARTICIPANT_HUNG_UP, false, "softphone-dropped");
                }
            }
        }
    }

    private VoiceCall requireOwnLeg(String identity, String callSid) {
        VoiceCall call = calls.require(callSid);
        if (!identity.equals(call.clientIdentity())) {
            throw TwilioApiException.notFound("Call", callSid);
        }
        return call;
    }

    // --- state for assertions ----------------------------------------------------------------------------

    /** Calls and conferences (with participants and flags) as plain maps, for assertions and the scenario API. */
    public Map<String, Object> snapshot() {
        synchronized (context.world) {
            return VoiceSnapshot.of(calls.all(), conferences.all(), endpoints.autoAnswers());
        }
    }

    /** How many times each side effect was performed on a call ({@code redirect}, {@code update}, {@code enqueue}…). */
    public Map<String, Integer> effects(String callSid) {
        synchronized (context.world) {
            return Map.copyOf(calls.require(callSid).effects);
        }
    }

    /** The call's status as the API would report it, e.g. {@code in-progress}. */
    public String callStatus(String callSid) {
        synchronized (context.world) {
            return calls.require(callSid).status.wire();
        }
    }

    // --- parameter helpers -------------------------------------------------------------------------------

    static List<TwimlVerb> parseTwiml(String twiml) {
        try {
            return TwimlParser.parse(twiml);
        } catch (TwimlException e) {
            throw TwilioApiException.badRequest("Twiml: " + e.getMessage());
        }
    }

    private static ConferenceCallbackSettings callbackSettings(FormParams params) {
        String url = params.url("ConferenceStatusCallback");
        String method = params.method("ConferenceStatusCallbackMethod");
        Set<String> events = params.words("ConferenceStatusCallbackEvent", ConferenceCallbackSettings.WORDS);
        if (url == null) {
            return ConferenceCallbackSettings.NONE;
        }
        return new ConferenceCallbackSettings(url, method, events == null ? ConferenceCallbackSettings.DEFAULT_EVENTS : events);
    }

    private static CallProgressSettings progressSettings(FormParams params, String urlName, String methodName,
                                                         String eventsName) {
        String url = params.url(urlName);
        String method = params.method(methodName);
        Set<String> events = params.words(eventsName, CallProgressSettings.WORDS);
        if (url == null) {
            return CallProgressSettings.NONE;
        }
        return new CallProgressSettings(url, method, events == null ? Set.of("completed") : events);
    }
}
