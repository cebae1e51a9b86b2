package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimClock;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One call leg and what it is doing. Mutable; only touched while holding the world lock. */
final class VoiceCall {

    /** What the call is busy with; the TwiML program moves on only from {@link #IDLE}. */
    enum Activity {
        IDLE, RINGING, DETECTING_MACHINE, FETCHING_TWIML, PLAYING, PAUSED, GATHERING, QUEUED, DIALING, IN_CONFERENCE, ENDED
    }

    final String sid;
    final String from;
    final String to;
    final String direction;
    final Instant dateCreated;
    final CallProgressSettings progress;
    CallStatus status = CallStatus.QUEUED;
    Instant dateUpdated;
    Instant startTime;
    Instant endTime;
    String parentCallSid;

    Activity activity = Activity.IDLE;
    List<TwimlVerb> program = List.of();
    int nextVerb;
    /** Bumped whenever the program is replaced, so a stale timer or TwiML fetch does nothing. */
    long generation;
    /** TwiML URL to fetch once answered (outbound calls created with {@code Url}). */
    String pendingUrl;
    /** The URL the running TwiML came from (relative URLs in it resolve against it); null for TwiML given inline. */
    String documentUrl;
    SimClock.Timer timer;
    SimClock.Timer answerTimer;

    /** What happens when an outbound leg answers or fails. */
    DialOutcome dialOutcome;
    /** Set on a worker leg placed by a conference instruction. */
    ConferenceSwitch.WorkerLegListener workerLegListener;
    String conferenceSid;
    /** The conference an outbound leg is being dialled into, told to the ringing softphone (a task SID for TaskRouter). */
    String dialledIntoConference;
    /** The queue the call waits in; while set, the TwiML it runs is its wait document. */
    QueueMembership queued;
    /** Set while a call a conference instruction took from its queue is bridged, for its {@code <Enqueue action>}. */
    BridgedQueue bridgedQueue;
    /** The {@code <Gather>} collecting digits, while {@link Activity#GATHERING}. */
    GatherState gather;
    /** {@code MachineDetection} asked for on create; null when off. */
    MachineDetection amd;
    /** AMD's verdict ({@code human}, {@code machine_start}…), once known. */
    String answeredBy;
    SimClock.Timer amdTimer;
    /** The child leg a {@code <Dial><Sip>} is ringing, while the call is {@link Activity#DIALING}. */
    String dialChildSid;
    /** Worker legs ringing to take this (queued) call; called off if the call leaves the queue first. */
    final java.util.List<String> bridgeLegs = new java.util.ArrayList<>();
    String endedBy;
    int progressSequence;

    /** The {@code <Play>} the call runs (its URL and loop count), for the media plane; null when none. */
    String playUrl;
    int playLoops;
    /** A SIP leg whose INVITE was answered (so ending it from Twilio's side sends a BYE). */
    boolean sipAnswered;
    /** Twilio's error code when the SIP leg failed ({@code 32009}: nobody registered), else null. */
    Integer sipError;

    /** What the last hold's {@code HoldUrl} gave: {@code requested <url>}, {@code playing <url>} or {@code failed: …}. */
    String holdMedia;

    /** The text of every {@code <Say>} the call ran, oldest first, the last {@link #SPOKEN_KEPT} kept (emulator only). */
    final java.util.Deque<String> spoken = new java.util.ArrayDeque<>();
    static final int SPOKEN_KEPT = 50;

    /** Side effects performed on this call, by name, for "performed exactly once" assertions. */
    final Map<String, Integer> effects = new TreeMap<>();

    VoiceCall(String sid, String from, String to, String direction, Instant now, CallProgressSettings progress) {
        this.sid = sid;
        this.from = from;
        this.to = to;
        this.direction = direction;
        this.dateCreated = now;
        this.dateUpdated = now;
        this.progress = progress;
    }

    void count(String effect) {
        effects.merge(effect, 1, Integer::sum);
    }

    /** A {@code <Say>} ran: what the caller heard, for tests and the scenario API. */
    void said(String text) {
        count("say");
        spoken.addLast(text);
        while (spoken.size() > SPOKEN_KEPT) {
            spoken.removeFirst();
        }
    }

    boolean hasMoreVerbs() {
        return nextVerb < program.size();
    }

    /** Whether the call has TwiML to go on with once put out of a conference (its next verb, or its queue's action). */
    boolean continuesAfterConference() {
        return hasMoreVerbs() || bridgedQueue != null && bridgedQueue.action() != null;
    }

    /** A leg to a SIP address ({@code sip:user@domain.sip.twilio.com}). */
    boolean isSip() {
        return to != null && to.regionMatches(true, 0, "sip:", 0, 4);
    }

    /** The far end is played by the emulator itself: an answered leg that is not a SIP endpoint. */
    boolean simulatedFarEnd() {
        return status == CallStatus.IN_PROGRESS && !isSip();
    }

    void cancelTimers() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (answerTimer != null) {
            answerTimer.cancel();
            answerTimer = null;
        }
        if (amdTimer != null) {
            amdTimer.cancel();
            amdTimer = null;
        }
    }

    /** How an outbound leg continues once its dial resolves. Called with the world lock held. */
    interface DialOutcome {
        void answered(VoiceCall call);

        void failed(VoiceCall call, CallStatus status);
    }

    /** The parameters Twilio sends with every request about a call: TwiML and hold-media fetches, progress callbacks. */
    Map<String, String> requestParams(String accountSid) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("CallSid", sid);
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("To", to);
        params.put("CallStatus", status.wire());
        params.put("Direction", direction);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
