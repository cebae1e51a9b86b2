package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlFetcher;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call legs: dialling, answering, running their TwiML, redirecting and hanging up. Media has no duration in
 * the emulator ({@code <Play>}/{@code <Say>} finish at once unless {@code loop="0"}); {@code <Pause>} and ring
 * timeouts run on the sim clock. Callers hold the world lock.
 */
final class Calls {

    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private final SimContext context;
    private final CallProgressCallbacks progress;
    private final TwimlFetcher fetcher;
    private final Map<String, VoiceCall> bySid = new LinkedHashMap<>();
    private Conferences conferences;
    private Endpoints endpoints;
    private Supplier<CallQueue> queue;

    Calls(SimContext context, TwimlFetcher fetcher) {
        this.context = context;
        this.progress = new CallProgressCallbacks(context);
        this.fetcher = fetcher;
    }

    void wire(Conferences conferences, Endpoints endpoints, Supplier<CallQueue> queue) {
        this.conferences = conferences;
        this.endpoints = endpoints;
        this.queue = queue;
    }

    Collection<VoiceCall> all() {
        return bySid.values();
    }

    VoiceCall get(String sid) {
        return bySid.get(sid);
    }

    VoiceCall require(String sid) {
        VoiceCall call = bySid.get(sid);
        if (call == null) {
            throw TwilioApiException.notFound("Call", sid);
        }
        return call;
    }

    VoiceCall create(String from, String to, String direction, CallProgressSettings settings) {
        VoiceCall call = new VoiceCall(Sids.next("CA"), from, to, direction, context.clock.now(), settings);
        bySid.put(call.sid, call);
        progress.send(call, "initiated");
        return call;
    }

    /** An inbound call is answered by Twilio at once and runs {@code program}. */
    void answerInbound(VoiceCall call, List<TwimlVerb> program) {
        call.status = CallStatus.IN_PROGRESS;
        call.startTime = context.clock.now();
        touch(call);
        progress.send(call, "answered");
        endpoints.audioChanged(call);
        startProgram(call, program);
    }

    // --- dialling ---------------------------------------------------------------------------------------

    void dial(VoiceCall call, int timeoutSeconds, VoiceCall.DialOutcome outcome) {
        call.dialOutcome = outcome;
        call.status = CallStatus.RINGING;
        call.activity = VoiceCall.Activity.RINGING;
        touch(call);
        progress.send(call, "ringing");
        call.timer = context.clock.schedule(Duration.ofSeconds(timeoutSeconds), () -> {
            synchronized (context.world) {
                if (call.status == CallStatus.RINGING) {
                    failDial(call, CallStatus.NO_ANSWER, "timeout");
                }
            }
        });
        endpoints.ring(call);
    }

    /** The dialled party picks up; {@code softphoneSession} is the voice-plane connection that answered, if any. */
    void answer(VoiceCall call, String softphoneSession) {
        if (call.status != CallStatus.RINGING) {
            throw TwilioApiException.badRequest("Call " + call.sid + " is not ringing (status " + call.status.wire() + ")");
        }
        call.cancelTimers();
        call.status = CallStatus.IN_PROGRESS;
        call.activity = VoiceCall.Activity.IDLE;
        call.startTime = context.clock.now();
        call.softphoneSession = softphoneSession;
        call.count("answered");
        touch(call);
        progress.send(call, "answered");
        endpoints.audioChanged(call);
        VoiceCall.DialOutcome outcome = call.dialOutcome;
        call.dialOutcome = null;
        if (outcome != null) {
            outcome.answered(call);
        }
    }

    /** The dial ends without an answer: {@code no-answer}, {@code busy}, {@code failed} or {@code canceled}. */
    void failDial(VoiceCall call, CallStatus status, String ringEndReason) {
        if (!call.status.isUnanswered()) {
            return;
        }
        call.cancelTimers();
        endpoints.ringEnded(call, ringEndReason);
        finish(call, status);
        VoiceCall.DialOutcome outcome = call.dialOutcome;
        call.dialOutcome = null;
        if (outcome != null) {
            outcome.failed(call, status);
        }
    }

    void cancelUnanswered(VoiceCall call) {
        failDial(call, CallStatus.CANCELED, "canceled");
    }

    // --- TwiML ------------------------------------------------------------------------------------------

    void startProgram(VoiceCall call, List<TwimlVerb> program) {
        call.generation++;
        call.playUrl = null;
        call.program = program;
        call.nextVerb = 0;
        call.pendingUrl = null;
        call.activity = VoiceCall.Activity.IDLE;
        step(call);
    }

    void startFromUrl(VoiceCall call, String url, String method) {
        call.generation++;
        call.program = List.of();
        call.nextVerb = 0;
        call.pendingUrl = null;
        call.activity = VoiceCall.Activity.FETCHING_TWIML;
        long generation = call.generation;
        fetcher.fetch(url, method, call.requestParams(context.accountSid)).whenComplete((twiml, error) -> {
            synchronized (context.world) {
                if (call.generation != generation || call.status != CallStatus.IN_PROGRESS) {
                    return;
                }
                call.activity = VoiceCall.Activity.IDLE;
                try {
                    if (error != null) {
                        throw new TwimlException("fetching " + url + " failed: " + error.getMessage(), error);
                    }
                    startProgram(call, TwimlParser.parse(twiml));
                } catch (TwimlException e) {
                    // Twilio plays "an application error has occurred" and hangs up
                    log.info("call {}: {}", call.sid, e.getMessage());
                    call.count("twimlError");
                    complete(call, "application-error");
                }
            }
        });
    }

    /**
     * Twilio requests a held participant's {@code HoldUrl} with {@code HoldMethod} (GET unless told otherwise) and
     * plays what it answers, TwiML or an audio file, until the hold ends. Asynchronous, like a TwiML fetch. The
     * request is a side effect ({@code holdUrlRequested}); what came back is {@link VoiceCall#holdMedia}, kept apart
     * from the effects because it arrives later.
     */
    void playHoldMedia(VoiceCall call, String url, String method) {
        call.count("holdUrlRequested");
        call.holdMedia = "requested " + url;
        fetcher.fetch(url, method == null ? "GET" : method, call.requestParams(context.accountSid)).whenComplete((body, error) -> {
            synchronized (context.world) {
                try {
                    if (error != null) {
                        throw new TwimlException("fetching hold media " + url + " failed: " + error.getMessage(), error);
                    }
                    if (body.stripLeading().startsWith("<")) {
                        TwimlParser.parse(body);
                    }
                    call.holdMedia = "playing " + url;
                } catch (TwimlException e) {
                    // Twilio reports it in the debugger; the held party hears silence
                    log.info("call {}: {}", call.sid, e.getMessage());
                    call.holdMedia = "failed: " + e.getMessage();
                }
            }
        });
    }

    private void step(VoiceCall call) {
        while (call.status == CallStatus.IN_PROGRESS && call.activity == VoiceCall.Activity.IDLE) {
            if (!call.hasMoreVerbs()) {
                complete(call, "twiml-ended");
                return;
            }
            execute(call, call.program.get(call.nextVerb++));
        }
    }

    private void execute(VoiceCall call, TwimlVerb verb) {
        if (verb instanceof TwimlVerb.Play play) {
            call.count("play");
            call.playUrl = play.url();
            call.playLoops = play.loop();
            endpoints.audioChanged(call);
            if (play.loop() == 0) {
                call.activity = VoiceCall.Activity.PLAYING; // hold music: plays until the call is moved
            }
        } else if (verb instanceof TwimlVerb.Say say) {
            call.count("say");
            if (say.loop() == 0) {
                call.activity = VoiceCall.Activity.PLAYING;
            }
        } else if (verb instanceof TwimlVerb.Pause pause) {
            call.activity = VoiceCall.Activity.PAUSED;
            long generation = call.generation;
            call.timer = context.clock.schedule(Duration.ofSeconds(pause.seconds()), () -> {
                synchronized (context.world) {
                    if (call.generation == generation && call.activity == VoiceCall.Activity.PAUSED) {
                        call.timer = null;
                        call.activity = VoiceCall.Activity.IDLE;
                        step(call);
                    }
                }
            });
        } else if (verb instanceof TwimlVerb.Hangup) {
            complete(call, "hangup-verb");
        } else if (verb instanceof TwimlVerb.Enqueue enqueue) {
            enqueue(call, enqueue);
        } else if (verb instanceof TwimlVerb.DialConference dial) {
            dialConference(call, dial.conference());
        } else if (verb instanceof TwimlVerb.DialSip dial) {
            dialSip(call, dial);
        }
    }

    private void enqueue(VoiceCall call, TwimlVerb.Enqueue enqueue) {
        call.activity = VoiceCall.Activity.QUEUED;
        call.queuedWorkflowSid = enqueue.workflowSid();
        call.count("enqueue");
        endpoints.audioChanged(call);
        try {
            queue.get().enqueue(taskAttributesOf(call), enqueue.workflowSid(), enqueue.taskAttributes(), enqueue.priority(),
                    enqueue.timeoutSeconds());
        } catch (TwilioApiException e) {
            // Twilio reports a bad <Enqueue> in the debugger and moves on to the next verb
            log.info("call {}: <Enqueue> failed: {}", call.sid, e.getMessage());
            call.count("enqueueFailed");
            if (call.activity == VoiceCall.Activity.QUEUED) {
                call.activity = VoiceCall.Activity.IDLE;
                call.queuedWorkflowSid = null;
            }
        }
    }

    /** The call's parameters as Twilio puts them on an {@code <Enqueue>} task (geographic fields aside). */
    private Map<String, Object> taskAttributesOf(VoiceCall call) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("call_sid", call.sid);
        attributes.put("account_sid", context.accountSid);
        attributes.put("from", call.from);
        attributes.put("to", call.to);
        attributes.put("caller", call.from);
        attributes.put("called", call.to);
        attributes.put("direction", call.direction);
        attributes.put("api_version", "2010-04-01");
        attributes.values().removeIf(java.util.Objects::isNull);
        return attributes;
    }

    private void dialConference(VoiceCall call, TwimlVerb.ConferenceJoin join) {
        ConferenceCallbackSettings callback = join.statusCallback() == null ? ConferenceCallbackSettings.NONE
                : new ConferenceCallbackSettings(join.statusCallback(), join.statusCallbackMethod(),
                        join.statusCallbackEvents() == null ? ConferenceCallbackSettings.DEFAULT_EVENTS
                                : java.util.Set.copyOf(join.statusCallbackEvents()));
        ParticipantSettings settings = new ParticipantSettings(
                join.participantLabel(),
                Boolean.TRUE.equals(join.muted()),
                join.startConferenceOnEnter() == null || join.startConferenceOnEnter(),
                Boolean.TRUE.equals(join.endConferenceOnExit()),
                join.beep() == null ? "true" : join.beep(),
                Boolean.TRUE.equals(join.coach()),
                null,
                join.waitUrl(),
                callback);
        call.count("dialConference");
        try {
            conferences.join(conferences.findOrCreate(join.name()), call, settings);
        } catch (TwilioApiException e) {
            log.info("call {}: <Dial><Conference> failed: {}", call.sid, e.getMessage());
            call.count("dialFailed");
            call.activity = VoiceCall.Activity.IDLE;
        }
    }

    /**
     * {@code <Dial><Sip>}: a child leg ({@code outbound-dial}, caller ID = the caller) rings the SIP address; answered,
     * the two are bridged in a private room that ends when either leaves; the caller then goes on with its next verb.
     */
    private void dialSip(VoiceCall call, TwimlVerb.DialSip dial) {
        call.count("dialSip");
        call.activity = VoiceCall.Activity.DIALING;
        VoiceCall child = create(call.from, dial.uri(), "outbound-dial", CallProgressSettings.NONE);
        child.parentCallSid = call.sid;
        call.dialChildSid = child.sid;
        ParticipantSettings both = new ParticipantSettings(null, false, true, true, "false", false, null, null,
                ConferenceCallbackSettings.NONE);
        long generation = call.generation;
        dial(child, dial.timeoutSeconds(), new VoiceCall.DialOutcome() {
            @Override
            public void answered(VoiceCall answered) {
                if (call.generation != generation || call.status != CallStatus.IN_PROGRESS) {
                    hangUp(answered, LeaveReason.PARTICIPANT_HUNG_UP, true, "caller-gone");
                    return;
                }
                call.dialChildSid = null;
                VoiceConference room = conferences.bridge(call.sid);
                conferences.join(room, call, both);
                conferences.join(room, answered, both);
            }

            @Override
            public void failed(VoiceCall failed, CallStatus status) {
                if (call.generation == generation && call.activity == VoiceCall.Activity.DIALING) {
                    call.dialChildSid = null;
                    call.activity = VoiceCall.Activity.IDLE;
                    step(call);
                }
            }
        });
    }

    /** The call is out of its conference (ended, or kicked): it goes on with its next verb, or ends. */
    void leftConference(VoiceCall call, boolean continues) {
        if (call.status != CallStatus.IN_PROGRESS) {
            return;
        }
        call.activity = VoiceCall.Activity.IDLE;
        endpoints.audioChanged(call);
        if (continues) {
            step(call);
        } else {
            complete(call, "conference-ended");
        }
    }

    // --- API-driven changes ------------------------------------------------------------------------------

    /** Call update with {@code Twiml} or {@code Url}: leaves whatever the call is in and runs the new TwiML. */
    void redirect(VoiceCall call, List<TwimlVerb> program, String url, String method) {
        if (call.status.isFinal()) {
            throw new TwilioApiException(400, 21220, "Call is not in-progress. Cannot redirect.");
        }
        call.count("redirect");
        touch(call);
        if (call.status.isUnanswered()) {
            call.program = program == null ? List.of() : program;
            call.pendingUrl = url;
            return;
        }
        call.generation++;
        leaveActivity(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "in-progress", true, "redirect");
        if (call.status != CallStatus.IN_PROGRESS) {
            return;
        }
        if (program != null) {
            startProgram(call, program);
        } else {
            startFromUrl(call, url, method);
        }
    }

    /** Runs what an outbound call was created with, once it answers. */
    void runInitialProgram(VoiceCall call, String method) {
        if (call.pendingUrl != null) {
            startFromUrl(call, call.pendingUrl, method);
        } else {
            startProgram(call, call.program);
        }
    }

    /**
     * The call ends: the party hangs up (or its connection drops), or the API completes it. A call still
     * ringing is {@code canceled}.
     */
    void hangUp(VoiceCall call, LeaveReason reason, boolean viaApi, String endedBy) {
        if (call.status.isFinal()) {
            return;
        }
        call.endedBy = endedBy;
        call.count(viaApi ? "hangupViaApi" : "hangup");
        if (call.status.isUnanswered()) {
            failDial(call, CallStatus.CANCELED, "canceled");
            return;
        }
        call.generation++;
        leaveActivity(call, reason, "completed", viaApi, "hangup");
        complete(call, endedBy);
    }

    /** Takes the call out of its queue (without telling TaskRouter: a reservation took it) or conference. */
    void takeForBridge(VoiceCall call) {
        call.bridgeLegs.clear();
        if (call.activity == VoiceCall.Activity.QUEUED) {
            call.activity = VoiceCall.Activity.IDLE;
            call.queuedWorkflowSid = null;
        } else {
            call.generation++;
            leaveActivity(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "in-progress", true, "bridged");
        }
    }

    private void leaveActivity(VoiceCall call, LeaveReason reason, String callStatusAfter, boolean viaApi,
                               String queueLeaveReason) {
        switch (call.activity) {
            case QUEUED -> {
                call.activity = VoiceCall.Activity.IDLE;
                call.queuedWorkflowSid = null;
                call.count("leftQueue");
                queue.get().callLeftQueue(call.sid, queueLeaveReason);
                cancelBridgeLegs(call);
            }
            case IN_CONFERENCE -> {
                VoiceConference conference = call.conferenceSid == null ? null : conferences.get(call.conferenceSid);
                VoiceParticipant participant = conference == null ? null : conference.participants.get(call.sid);
                call.activity = VoiceCall.Activity.IDLE;
                if (participant != null) {
                    conferences.leave(participant, reason, callStatusAfter, viaApi);
                }
                call.conferenceSid = null;
            }
            case DIALING -> {
                call.activity = VoiceCall.Activity.IDLE;
                VoiceCall child = call.dialChildSid == null ? null : bySid.get(call.dialChildSid);
                call.dialChildSid = null;
                if (child != null && child.status.isUnanswered()) {
                    failDial(child, CallStatus.CANCELED, "canceled");
                }
            }
            case PAUSED, PLAYING, FETCHING_TWIML -> {
                if (call.timer != null) {
                    call.timer.cancel();
                    call.timer = null;
                }
                call.activity = VoiceCall.Activity.IDLE;
            }
            default -> {
            }
        }
    }

    /** The customer left the queue while a worker's phone rang for it: Twilio calls that dial off. */
    private void cancelBridgeLegs(VoiceCall call) {
        for (String legSid : List.copyOf(call.bridgeLegs)) {
            VoiceCall leg = bySid.get(legSid);
            if (leg != null && leg.status.isUnanswered()) {
                failDial(leg, CallStatus.CANCELED, "canceled");
            }
        }
        call.bridgeLegs.clear();
    }

    private void complete(VoiceCall call, String why) {
        if (call.status.isFinal()) {
            return;
        }
        call.generation++;
        leaveActivity(call, LeaveReason.PARTICIPANT_HUNG_UP, "completed", false, "hangup");
        finish(call, CallStatus.COMPLETED);
        endpoints.legEnded(call, why);
    }

    private void finish(VoiceCall call, CallStatus status) {
        call.cancelTimers();
        call.status = status;
        call.activity = VoiceCall.Activity.ENDED;
        call.endTime = context.clock.now();
        touch(call);
        progress.send(call, "completed");
    }

    private void touch(VoiceCall call) {
        call.dateUpdated = context.clock.now();
    }
}
