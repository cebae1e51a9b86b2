package dev.lifeline.server.engine;

import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.TwilioGateway;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the agent drop whose {@code participant-leave} callback never arrived. Twilio sends a Voice callback
 * once and does not retry it on an HTTP error, so one answered 503 by a member cut off from the majority, or lost
 * in an overload, would leave the customer waiting in silence with no incident to bring the agent back. Each
 * member compares the conferences it owns with Twilio's participant list: an agent leg the record still shows
 * present, absent from a conference the customer is still in, on two looks in a row, gets the leave applied
 * ({@link RecoveryEngine#applyMissedLeave}). Two looks, because the callback for a leg that has just gone may
 * still be on its way.
 *
 * <p>Cost: one participant list per owned conference with an agent, per sweep (at 500 calls and a 20 s sweep,
 * 25 requests/s across the cluster). Nothing is read for conferences without an agent present.
 */
public final class MissedLeaveAudit implements AutoCloseable {

    /** The second look at a suspect comes this soon after the first, not a whole sweep later. */
    static final Duration CONFIRM_AFTER = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(MissedLeaveAudit.class);

    private final RecoveryEngine engine;
    private final TwilioGateway twilio;
    private Set<String> absentOnce = Set.of();
    private final ScheduledExecutorService timer = DaemonTimer.named("missed-leave-audit");

    public MissedLeaveAudit(RecoveryEngine engine, TwilioGateway twilio) {
        this.engine = engine;
        this.twilio = twilio;
    }

    public MissedLeaveAudit start(Duration every) {
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
     * @return how many agent legs were seen absent for the first time (to be confirmed by the next look)
     */
    public synchronized int sweep() {
        Set<String> absentNow = new HashSet<>();
        int suspects = 0;
        try {
            for (String conferenceSid : engine.conferences().localConferenceSids()) {
                for (Participant agent : agentsMissingFrom(conferenceSid)) {
                    String key = conferenceSid + "/" + agent.callSid();
                    if (absentOnce.contains(key)) {
                        log.warn("agent leg {} left conference {} without a callback; applying the leave", agent.callSid(),
                                conferenceSid);
                        engine.applyMissedLeave(conferenceSid, agent.callSid(), agent.lastSequence() + 1);
                    } else {
                        absentNow.add(key);
                        suspects++;
                    }
                }
            }
        } catch (RuntimeException e) {
            // Twilio unreachable, member shutting down or cut off: the next sweep (or another member) carries on.
            log.debug("missed-leave audit skipped: {}", e.toString());
        }
        absentOnce = absentNow;
        return suspects;
    }

    private List<Participant> agentsMissingFrom(String conferenceSid) {
        Optional<ConferenceRecord> record = engine.conference(conferenceSid);
        if (record.isEmpty() || record.get().ended() || !record.get().customerPresent()) {
            return List.of();
        }
        List<Participant> agents = record.get().participants().values().stream()
                .filter(p -> p.present() && p.role() == PartyRole.WORKER && p.worker() != null)
                .toList();
        if (agents.isEmpty()) {
            return List.of();
        }
        Set<String> inTwilio = twilio.participants(conferenceSid).stream().map(ParticipantState::callSid)
                .collect(Collectors.toSet());
        if (!inTwilio.contains(record.get().customerCallSid())) {
            return List.of(); // the call is over or the customer left: their own callbacks and the watchdog cover it
        }
        return agents.stream().filter(agent -> !inTwilio.contains(agent.callSid())).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
