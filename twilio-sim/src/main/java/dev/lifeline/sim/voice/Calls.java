package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlFetcher;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlUrls;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call legs: dialling, answering, running their TwiML, redirecting and hanging up. Media has no duration in
 * the emulator ({@code <Play>}/{@code <Say>} finish at once unless {@code loop="0"}); {@code <Pause>}, gather and ring
 * timeouts run on the sim clock. {@code <Enqueue>} is {@link Queueing}'s, {@code <Gather>} {@link Gathers}'. Callers
 * hold the world lock.
 */
final class Calls {

    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private final SimContext context;
    private final CallProgressCallbacks progress;
    private final TwimlFetcher fetcher;
    private final Map<String, VoiceCall> bySid = new LinkedHashMap<>();
    private Conferences conferences;
    private Endpoints endpoints;
    private Queueing queueing;
    private Gathers gathers;

    Calls(SimContext context, TwimlFetcher fetcher) {
        this.context = context;
        this.progress = new CallProgressCallbacks(context);
        this.fetcher = fetcher;
    }

    void wire(Conferences conferences, Endpoints endpoints, Queueing queueing, Gathers gathers) {
        this.conferences = conferences;
        this.endpoints = endpoints;
        this.queueing = queueing;
        this.gathers = gathers;
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
        answerInbound(call);
        startProgram(call, program, null);
    }

    /** An inbound call is answered by Twilio at once and runs the TwiML at the number's voice URL. */
    void answerInbound(VoiceCall call, String url, String method) {
        answerInbound(call);
        startFromUrl(call, url, method, Map.of());
    }

    private void answerInbound(VoiceCall call) {
        call.status = CallStatus.IN_PROGRESS;
        call.startTime = context.clock.now();
        touch(call);
        progress.send(call, "answered");
        endpoints.audioChanged(call);
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

    /** The dialled party picks up. */
    void answer(VoiceCall call) {
        if (call.status != CallStatus.RINGING) {
            throw TwilioApiException.badRequest("Call " + call.sid + " is not ringing (status " + call.status.wire() + ")");
        }
        call.cancelTimers();
        call.status = CallStatus.IN_PROGRESS;
        call.activity = VoiceCall.Activity.IDLE;
        call.startTime = context.clock.now();
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

    /** Runs {@code program}; {@code documentUrl} is where it came from (null: given inline). */
    void startProgram(VoiceCall call, List<TwimlVerb> program, String documentUrl) {
        call.generation++;
        call.playUrl = null;
        call.program = program;
        call.nextVerb = 0;
        call.pendingUrl = null;
        call.documentUrl = documentUrl;
        call.activity = VoiceCall.Activity.IDLE;
        step(call);
    }

    /**
     * Fetches TwiML from {@code url} with the call's parameters and {@code extra} ({@code Digits}, {@code QueueResult},
     * {@code AnsweredBy}…), signed, and runs it. A failed fetch or bad TwiML is an application error.
     */
    void startFromUrl(VoiceCall call, String url, String method, Map<String, String> extra) {
        call.generation++;
        call.program = List.of();
        call.nextVerb = 0;
        call.pendingUrl = null;
        call.playUrl = null;
        call.activity = VoiceCall.Activity.FETCHING_TWIML;
        endpoints.audioChanged(call);
        long generation = call.generation;
        Map<String, String> params = call.requestParams(context.accountSid);
        params.putAll(extra);
        fetcher.fetch(url, method == null ? "POST" : method, params).whenComplete((twiml, error) -> {
            synchronized (context.world) {
                if (call.generation != generation || call.status != CallStatus.IN_PROGRESS) {
                    return;
                }
                call.activity = VoiceCall.Activity.IDLE;
                try {
                    if (error != null) {
                        throw new TwimlException("fetching " + url + " failed: " + error.getMessage(), error);
                    }
                    startProgram(call, TwimlParser.parse(twiml), url);
                } catch (TwimlException e) {
                    twimlFailed(call, e.getMessage());
                }
            }
        });
    }

    /**
     * The call's TwiML cannot go on (a failed fetch, bad TwiML, a verb not allowed where it stands). Twilio plays "an
     * application error has occurred" and hangs up; a call waiting in a queue leaves it with {@code QueueResult=error}.
     */
    void twimlFailed(VoiceCall call, String why) {
        log.info("call {}: {}", call.sid, why);
        call.count("twimlError");
        if (call.queued != null) {
            queueing.exit(call, QueueResult.ERROR);
        } else {
            complete(call, "application-error");
        }
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

    /**
     * An announcement to the call's party ({@code AnnounceUrl} on its conference or on it): Twilio requests the URL
     * with {@code AnnounceMethod} (POST unless told otherwise) and plays what it answers, an audio file or TwiML of
     * {@code <Say>}, {@code <Play>} and {@code <Pause>}. A TwiML answer's {@code <Say>} texts are heard by the party
     * (its {@link VoiceCall#spoken}, as a {@code <Say>} it ran); its {@code <Play>} is played by the media plane, which
     * follows the TwiML too. Asynchronous, like a TwiML fetch; an audio answer is left to the media plane alone.
     */
    void hearAnnouncement(VoiceCall call, String url, String method) {
        call.count("announceUrlRequested");
        fetcher.fetch(url, method == null ? "POST" : method, call.requestParams(context.accountSid)).whenComplete((body, error) -> {
            synchronized (context.world) {
                if (error != null || body == null || !body.stripLeading().startsWith("<")) {
                    return; // audio (played by the media plane), or nothing to hear
                }
                try {
                    for (TwimlVerb verb : TwimlParser.parse(body)) {
                        if (verb instanceof TwimlVerb.Say say) {
                            for (int i = 0; i < Math.max(1, say.loop()); i++) {
                                call.said(say.text());
                            }
                        }
                    }
                    call.count("announcementTwiml");
                } catch (TwimlException e) {
                    log.info("call {}: announcement {}: {}", call.sid, url, e.getMessage());
                    call.count("announcementTwimlError");
                }
            }
        });
    }

    /** Runs verbs until one takes time; at the end of the TwiML the call hangs up, or a queued call asks for more. */
    void step(VoiceCall call) {
        while (call.status == CallStatus.IN_PROGRESS && call.activity == VoiceCall.Activity.IDLE) {
            if (!call.hasMoreVerbs()) {
                if (call.queued != null) {
                    queueing.waitDocumentEnded(call);
                } else {
                    complete(call, "twiml-ended");
                }
                return;
            }
            TwimlVerb verb = call.program.get(call.nextVerb++);
            if (call.queued != null && !Queueing.allowedWhileWaiting(verb)) {
                twimlFailed(call, "<" + verb.getClass().getSimpleName() + "> is not allowed in a waitUrl document");
                return;
            }
            execute(call, verb);
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
            call.said(say.text());
            if (say.loop() == 0) {
                call.activity = VoiceCall.Activity.PLAYING;
            }
        } else if (verb instanceof TwimlVerb.Pause pause) {
            pause(call, pause.seconds(), () -> {
                call.activity = VoiceCall.Activity.IDLE;
                step(call);
            });
        } else if (verb instanceof TwimlVerb.Hangup) {
            complete(call, "hangup-verb");
        } else if (verb instanceof TwimlVerb.Gather gather) {
            gathers.start(call, gather);
        } else if (verb instanceof TwimlVerb.Redirect redirect) {
            call.count("redirectVerb");
            follow(call, redirect.url(), redirect.method(), Map.of());
        } else if (verb instanceof TwimlVerb.Leave) {
            if (call.queued != null) {
                queueing.exit(call, QueueResult.LEAVE);
            } else {
                call.count("leaveIgnored"); // assumed: outside a queue there is nothing to leave
            }
        } else if (verb instanceof TwimlVerb.Enqueue enqueue) {
            queueing.enter(call, enqueue);
        } else if (verb instanceof TwimlVerb.DialConference dial) {
            dialConference(call, dial.conference());
        } else if (verb instanceof TwimlVerb.DialSip dial) {
            dialSip(call, dial);
        }
    }

    /** Waits {@code seconds} on the sim clock ({@link VoiceCall.Activity#PAUSED}), then runs {@code then}. */
    void pause(VoiceCall call, int seconds, Runnable then) {
        call.activity = VoiceCall.Activity.PAUSED;
        long generation = call.generation;
        call.timer = context.clock.schedule(Duration.ofSeconds(seconds), () -> {
            synchronized (context.world) {
                if (call.generation == generation && call.activity == VoiceCall.Activity.PAUSED) {
                    call.timer = null;
                    then.run();
                }
            }
        });
    }

    /** Fetches {@code url} (relative to the running document) and runs what it answers, in the same place (a queue's too). */
    void follow(VoiceCall call, String url, String method, Map<String, String> extra) {
        String absolute;
        try {
            absolute = TwimlUrls.resolve(call.documentUrl, url);
        } catch (TwimlException e) {
            twimlFailed(call, e.getMessage());
            return;
        }
        startFromUrl(call, absolute, method, extra);
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

    /**
     * The call is out of its conference (ended, or kicked): it goes on with its next verb (or, taken from a queue by a
     * conference instruction, with its {@code <Enqueue action>}), or ends.
     */
    void leftConference(VoiceCall call, boolean continues) {
        if (call.status != CallStatus.IN_PROGRESS) {
            return;
        }
        call.activity = VoiceCall.Activity.IDLE;
        endpoints.audioChanged(call);
        if (queueing.bridgeEnded(call)) {
            return;
        }
        if (continues) {
            step(call);
        } else {
            complete(call, "conference-ended");
        }
    }

    // --- digits -----------------------------------------------------------------------------------------

    /** Keys the far end pressed, in order; @return how many a {@code <Gather>} took (the others are dropped). */
    int digits(VoiceCall call, String keys) {
        int taken = 0;
        for (char key : keys.toCharArray()) {
            if (call.status == CallStatus.IN_PROGRESS && gathers.key(call, key)) {
                taken++;
            } else {
                call.count("digitIgnored");
            }
        }
        return taken;
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
        leaveActivity(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "in-progress", true, Exit.REDIRECT);
        if (call.status != CallStatus.IN_PROGRESS) {
            return;
        }
        if (program != null) {
            startProgram(call, program, null);
        } else {
            startFromUrl(call, url, method, Map.of());
        }
    }

    /** Runs what an outbound call was created with, once it answers; {@code extra} goes with a {@code Url} request. */
    void runInitialProgram(VoiceCall call, String method, Map<String, String> extra) {
        if (call.pendingUrl != null) {
            startFromUrl(call, call.pendingUrl, method, extra);
        } else {
            startProgram(call, call.program, null);
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
        leaveActivity(call, reason, "completed", viaApi, Exit.HANGUP);
        complete(call, endedBy);
    }

    /** Takes the call out of its queue (without telling TaskRouter: a reservation took it) or conference. */
    void takeForBridge(VoiceCall call) {
        call.bridgeLegs.clear();
        call.generation++;
        if (call.queued != null) {
            stopVerb(call);
            queueing.bridged(call);
        } else {
            leaveActivity(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "in-progress", true, Exit.BRIDGE);
        }
    }

    /** Why a call leaves what it is doing: the exits a queue and a bridged conference tell their action about. */
    enum Exit { HANGUP, REDIRECT, BRIDGE }

    private void leaveActivity(VoiceCall call, LeaveReason reason, String callStatusAfter, boolean viaApi, Exit exit) {
        stopVerb(call);
        if (call.queued != null) {
            cancelBridgeLegs(call);
            switch (exit) {
                case HANGUP -> queueing.exit(call, QueueResult.HANGUP);
                case REDIRECT -> queueing.exit(call, QueueResult.REDIRECTED);
                case BRIDGE -> queueing.bridged(call);
            }
        }
        if (call.activity == VoiceCall.Activity.IN_CONFERENCE) {
            VoiceConference conference = call.conferenceSid == null ? null : conferences.get(call.conferenceSid);
            VoiceParticipant participant = conference == null ? null : conference.participants.get(call.sid);
            call.activity = VoiceCall.Activity.IDLE;
            if (participant != null) {
                conferences.leave(participant, reason, callStatusAfter, viaApi);
            }
            call.conferenceSid = null;
            queueing.leftBridge(call, exit);
        }
    }

    /** Ends whatever verb the call runs now: a pause, a gather, a dial, a TwiML fetch. Not a queue or a conference. */
    private void stopVerb(VoiceCall call) {
        switch (call.activity) {
            case DIALING -> {
                call.activity = VoiceCall.Activity.IDLE;
                VoiceCall child = call.dialChildSid == null ? null : bySid.get(call.dialChildSid);
                call.dialChildSid = null;
                if (child != null && child.status.isUnanswered()) {
                    failDial(child, CallStatus.CANCELED, "canceled");
                }
            }
            case GATHERING, PAUSED, PLAYING, FETCHING_TWIML, QUEUED, DETECTING_MACHINE -> {
                gathers.cancel(call);
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

    void complete(VoiceCall call, String why) {
        if (call.status.isFinal()) {
            return;
        }
        call.generation++;
        leaveActivity(call, LeaveReason.PARTICIPANT_HUNG_UP, "completed", false, Exit.HANGUP);
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

    void touch(VoiceCall call) {
        call.dateUpdated = context.clock.now();
    }
}
