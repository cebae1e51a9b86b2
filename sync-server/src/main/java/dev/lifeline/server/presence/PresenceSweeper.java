package dev.lifeline.server.presence;

import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioGatewayException;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets agents whose desktop is gone to Offline so TaskRouter stops offering calls into the void — but never while
 * a call is in progress: an accepted reservation or an open recovery incident means the desktop may be on its way
 * back, and going Offline would block the Recovery Ping that brings the customer back.
 */
public final class PresenceSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);
    private static final String OFFLINE = "Offline";

    private final AgentDirectory agents;
    private final PresenceRegistry presence;
    private final TaskRouterGateway twilio;
    private final IncidentStore incidents;
    private final String offlineActivitySid;
    private ScheduledExecutorService timer;

    public PresenceSweeper(AgentDirectory agents, PresenceRegistry presence, TaskRouterGateway twilio, IncidentStore incidents,
                           String offlineActivitySid) {
        this.agents = agents;
        this.presence = presence;
        this.twilio = twilio;
        this.incidents = incidents;
        this.offlineActivitySid = offlineActivitySid;
    }

    /** Runs {@link #sweep()} every {@code every} until closed. */
    public synchronized PresenceSweeper start(Duration every) {
        if (timer == null) {
            timer = DaemonTimer.named("presence-sweeper");
            timer.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One pass over every agent; @return the identities this pass moved to Offline. */
    public List<String> sweep() {
        List<String> movedOffline = new ArrayList<>();
        for (String identity : agents.agentIdentities()) {
            if (presence.goneFor(identity).isEmpty()) {
                continue;
            }
            String workerSid = agents.workerSid(identity).orElseThrow();
            try {
                if (takeOffline(workerSid)) {
                    log.info("{}'s desktop is gone for more than {}; worker set to Offline", identity, presence.grace());
                    movedOffline.add(identity);
                }
            } catch (TwilioGatewayException e) {
                log.warn("could not check or set the activity of {}: {}", identity, e.getMessage());
            }
        }
        return movedOffline;
    }

    private boolean takeOffline(String workerSid) {
        Optional<WorkerState> worker = twilio.fetchWorker(workerSid);
        if (worker.isEmpty() || OFFLINE.equals(worker.get().activityName()) || offlineActivitySid.equals(worker.get().activitySid())) {
            return false;
        }
        if (!incidents.openIncidentsOf(workerSid).isEmpty()) {
            return false;
        }
        boolean onCall = twilio.workerReservations(workerSid).stream().anyMatch(r -> "accepted".equals(r.status()));
        if (onCall) {
            return false;
        }
        // RejectPendingReservations: a customer already offered to this desktop is routed on now, not in 120 s.
        twilio.setWorkerActivity(workerSid, offlineActivitySid, true);
        return true;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("presence sweep failed", e);
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
