package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.VoiceGateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the conference callbacks that never arrived. Twilio sends a Voice callback once and does not retry it
 * on an HTTP error, so one answered 503 by a member cut off from the majority, or lost in an overload, is gone:
 * <ul>
 *   <li>a lost {@code participant-leave} of the agent leaves the customer waiting with no incident to bring the
 *       agent back;</li>
 *   <li>a lost {@code participant-join} of the agent leaves the leg unregistered, so its later drop goes unseen.</li>
 * </ul>
 * Each member compares the live conferences it owns with Twilio's participant list. A
 * difference seen on two looks in a row is applied as the callback would have been ({@link
 * RecoveryEngine#applyMissedLeave}, {@link RecoveryEngine#applyMissedJoin}); two looks, because the callback for
 * a change that has just happened may still be on its way.
 *
 * A conference in progress at Twilio that has no record at all (every callback of it lost) is rebuilt from Twilio's
 * state by the member owning its key, a few per sweep.
 *
 * <p>Cost per sweep: one conference list, plus one participant list per owned live conference (at 500 calls and
 * a 20 s sweep, about 25 requests/s across the cluster); plus about four requests per unknown conference rebuilt.
 */
public final class ConferenceAudit implements AutoCloseable {

    /** The second look at a difference comes this soon after the first, not a whole sweep later. */
    static final Duration CONFIRM_AFTER = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ConferenceAudit.class);

    private final RecoveryEngine engine;
    private final VoiceGateway twilio;
    private final UnknownConferences unknown;
    private final int rebuildBudget;
    private final ScheduledExecutorService timer = DaemonTimer.named("conference-audit");
    private Set<String> seenOnce = Set.of();

    /** Rebuilds the records of conferences Twilio has in progress and the cluster has never heard of. */
    @FunctionalInterface
    public interface UnknownConferences {
        void rebuild(Set<String> conferenceSids);
    }

    public ConferenceAudit(RecoveryEngine engine, VoiceGateway twilio) {
        this(engine, twilio, sids -> { }, 0);
    }

    /**
     * @param unknown       rebuilds a conference whose every callback was lost (no record at all), from Twilio's state
     * @param rebuildBudget at most this many such conferences per sweep on this member: each costs about four Twilio
     *                      requests, and a burst of them (a member that refused callbacks for a while) must not spend
     *                      the account's request budget at once; the rest wait for the next sweeps
     */
    public ConferenceAudit(RecoveryEngine engine, VoiceGateway twilio, UnknownConferences unknown, int rebuildBudget) {
        this.engine = engine;
        this.twilio = twilio;
        this.unknown = unknown;
        this.rebuildBudget = rebuildBudget;
    }

    public ConferenceAudit start(Duration every) {
        timer.scheduleWithFixedDelay(this::sweepAndConfirm, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweepAndConfirm() {
        if (sweep() > 0) {
            timer.schedule(this::sweep, CONFIRM_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One look at this member's conferences; public so tests can drive it deterministically.
     *
     * @return how many differences were seen for the first time (to be confirmed by the next look)
     */
    public synchronized int sweep() {
        Set<String> seenNow = new HashSet<>();
        try {
            Map<String, String> namesOfLive = new HashMap<>();
            twilio.activeConferences().forEach(conference -> namesOfLive.put(conference.sid(), conference.friendlyName()));
            for (String conferenceSid : engine.conferences().localConferenceSids()) {
                if (namesOfLive.containsKey(conferenceSid)) {
                    audit(conferenceSid, namesOfLive.get(conferenceSid), seenNow);
                }
            }
            rebuildUnknown(namesOfLive, seenNow);
        } catch (RuntimeException e) {
            // Twilio unreachable, member shutting down or cut off: the next sweep (or another member) carries on.
            log.debug("conference audit skipped: {}", e.toString());
        }
        Set<String> firstSeen = new HashSet<>(seenNow);
        firstSeen.removeAll(seenOnce);
        seenOnce = seenNow;
        return firstSeen.size();
    }

    private void audit(String conferenceSid, String friendlyName, Set<String> seenNow) {
        Optional<ConferenceRecord> found = engine.conference(conferenceSid);
        if (found.isEmpty() || found.get().ended()) {
            return;
        }
        ConferenceRecord record = found.get();
        // A member that died between writing this record and its presence hint left the hint behind.
        engine.conferences().followPresence(record);
        List<ParticipantState> inTwilio = twilio.participants(conferenceSid);
        Set<String> callsInTwilio = inTwilio.stream().map(ParticipantState::callSid).collect(Collectors.toSet());
        // A leg Twilio lists in a live conference is there, whoever it is: the join is always safe to apply.
        for (ParticipantState party : inTwilio) {
            Participant known = record.participants().get(party.callSid());
            if ((known == null || !known.present()) && confirmed("join/" + conferenceSid + "/" + party.callSid(), seenNow)) {
                log.warn("leg {} joined conference {} without a callback; applying the join", party.callSid(), conferenceSid);
                engine.applyMissedJoin(conferenceSid, friendlyName, party, record.lastSequence());
            }
        }
        // A missing agent matters while the customer is still there; a finished call has its own callbacks and watchdog.
        if (!record.customerPresent() || !callsInTwilio.contains(record.customerCallSid())) {
            return;
        }
        for (Participant agent : presentAgents(record)) {
            if (!callsInTwilio.contains(agent.callSid()) && confirmed("leave/" + conferenceSid + "/" + agent.callSid(), seenNow)) {
                log.warn("agent leg {} left conference {} without a callback; applying the leave", agent.callSid(), conferenceSid);
                engine.applyMissedLeave(conferenceSid, agent.callSid(), agent.lastSequence() + 1);
            }
        }
    }

    /**
     * A conference TaskRouter made (named after its task) that is in progress at Twilio with no record here, seen on two
     * looks in a row by the member owning its key: every callback of it was lost, so a later drop in it would go unseen.
     * Its record is rebuilt from Twilio's state, within the budget. Costs no request beyond the conference list the
     * audit reads anyway, until a conference is missing.
     */
    private void rebuildUnknown(Map<String, String> namesOfLive, Set<String> seenNow) {
        if (rebuildBudget <= 0) {
            return;
        }
        Set<String> missing = new HashSet<>();
        for (Map.Entry<String, String> live : namesOfLive.entrySet()) {
            String conferenceSid = live.getKey();
            boolean ours = live.getValue() != null && live.getValue().startsWith("WT");
            if (missing.size() < rebuildBudget && ours && engine.conferences().ownedHere(conferenceSid)
                    && engine.conference(conferenceSid).isEmpty() && confirmed("unknown/" + conferenceSid, seenNow)) {
                missing.add(conferenceSid);
            }
        }
        if (!missing.isEmpty()) {
            log.warn("conferences {} are in progress at Twilio with no record (every callback lost); rebuilding", missing);
            unknown.rebuild(missing);
        }
    }

    /** True on the second look in a row; the first look only remembers the difference. */
    private boolean confirmed(String difference, Set<String> seenNow) {
        seenNow.add(difference);
        return seenOnce.contains(difference);
    }

    private static List<Participant> presentAgents(ConferenceRecord record) {
        return record.participants().values().stream()
                .filter(p -> p.present() && p.role() == PartyRole.WORKER && p.worker() != null)
                .toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
