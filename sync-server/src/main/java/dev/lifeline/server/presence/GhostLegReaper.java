package dev.lifeline.server.presence;

import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.twilio.TwilioGatewayException;
import dev.lifeline.server.twilio.VoiceGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends ghost legs: an agent leg still connected in a conference while that agent's desktop has sent no heartbeat for
 * {@code presence.leg-grace}. A softphone that dies on UDP sends no BYE, and Twilio documents no time after which it
 * ends such a leg, so without this the drop — and the recovery — could start minutes late or never (ended as
 * {@link DeadLegs} says). Each member ends the legs of the conferences it owns; a desktop that is back within the
 * grace keeps its call — unless it is a new process, which names its predecessor's legs at once ({@code leg-abandoned}).
 */
public final class GhostLegReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GhostLegReaper.class);

    private final AgentDirectory agents;
    private final PresenceRegistry presence;
    private final RecoveryEngine engine;
    private final DeadLegs deadLegs;
    private final Duration legGrace;
    private ScheduledExecutorService timer;

    public GhostLegReaper(AgentDirectory agents, PresenceRegistry presence, RecoveryEngine engine, VoiceGateway voice,
                          Duration legGrace) {
        this.agents = agents;
        this.presence = presence;
        this.engine = engine;
        this.deadLegs = new DeadLegs(engine, voice);
        this.legGrace = legGrace;
    }

    /** Runs {@link #sweep()} every {@code every} until closed. */
    public synchronized GhostLegReaper start(Duration every) {
        if (timer == null) {
            timer = DaemonTimer.named("ghost-leg-reaper");
            timer.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One pass over every agent; @return the call SIDs of the legs this pass ended. */
    public List<String> sweep() {
        List<String> ended = new ArrayList<>();
        for (String identity : agents.agentIdentities()) {
            Duration silent = presence.silentFor(identity);
            if (silent.compareTo(legGrace) <= 0) {
                continue;
            }
            Optional<String> workerSid = agents.workerSid(identity);
            if (workerSid.isEmpty()) {
                continue;
            }
            for (ConferenceRecord conference : engine.conferences().withWorkerPresent(workerSid.get())) {
                if (!engine.conferences().ownedHere(conference.conferenceSid())) {
                    continue;
                }
                for (Participant leg : conference.participants().values()) {
                    if (DeadLegs.isConnectedLegOf(leg, workerSid.get()) && end(identity, conference.conferenceSid(), leg.callSid(), silent)) {
                        ended.add(leg.callSid());
                    }
                }
            }
        }
        return ended;
    }

    private boolean end(String identity, String conferenceSid, String callSid, Duration silent) {
        try {
            deadLegs.end(conferenceSid, callSid);
            log.warn("{}'s desktop has been silent for {} s (presence.leg-grace {} s) while its leg {} was connected in {}: "
                    + "leg ended as a drop", identity, silent.toSeconds(), legGrace.toSeconds(), callSid, conferenceSid);
            return true;
        } catch (TwilioGatewayException e) {
            // Ended meanwhile (the conference finished, or Twilio dropped it itself): its leave decides.
            log.info("could not end {}'s silent leg {}: {}", identity, callSid, e.getMessage());
            return false;
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("ghost-leg sweep failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
