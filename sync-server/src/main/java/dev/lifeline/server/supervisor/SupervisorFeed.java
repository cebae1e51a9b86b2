package dev.lifeline.server.supervisor;

import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.queue.AgentStatus;
import dev.lifeline.model.queue.AgentWorkState;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueStats;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.desktop.AgentStates;
import dev.lifeline.server.desktop.DesktopHub;
import dev.lifeline.server.desktop.WireViews;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.twilio.QueueStatistics;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.WorkerState;
import dev.lifeline.server.waiting.QueueLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * The supervisor panel: queues (TaskRouter real-time statistics, and how each served its callers lately from the
 * {@link QueueLedger}), agents with presence and what they are doing,
 * recoveries in progress, the latest finished ones and the last hour's statistics ({@link RecoveryWindow}). Each
 * member pushes a whole snapshot to the supervisor sockets it holds, once per period: a panel that missed one is
 * right again with the next.
 */
public final class SupervisorFeed implements AutoCloseable {

    public static final int RECENTLY_FINISHED = 10;
    /** The supervisor panel refresh period. */
    public static final Duration PUSH_EVERY = Duration.ofSeconds(1);
    /** How old the last hour's statistics may be (they read every terminal incident kept; see RecoveryWindow). */
    public static final Duration STATISTICS_REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SupervisorFeed.class);
    private static final String OFFLINE = "Offline";

    private final TaskRouterGateway twilio;
    private final IncidentStore incidents;
    private final AgentDirectory agents;
    private final AgentStates states;
    private final DesktopHub hub;
    private final Clock clock;
    private final RecoveryWindow lastHour;
    private final QueueLedger ledger;
    private ScheduledExecutorService timer;

    /** A feed without per-queue service figures (tests about agents and recoveries). */
    public SupervisorFeed(TaskRouterGateway twilio, IncidentStore incidents, AgentDirectory agents, AgentStates states,
                          DesktopHub hub, Clock clock) {
        this(twilio, incidents, agents, states, hub, clock, null);
    }

    /** @param ledger how each queue served its callers lately (issue 19); null: rows without those figures */
    public SupervisorFeed(TaskRouterGateway twilio, IncidentStore incidents, AgentDirectory agents, AgentStates states,
                          DesktopHub hub, Clock clock, QueueLedger ledger) {
        this.ledger = ledger;
        this.twilio = twilio;
        this.incidents = incidents;
        this.agents = agents;
        this.states = states;
        this.hub = hub;
        this.clock = clock;
        this.lastHour = new RecoveryWindow(incidents);
    }

    /**
     * Reads only what it shows: the open incidents (an indexed query) and the recent outcomes (a small ring), never
     * a copy of the incident map, which keeps finished incidents for a day.
     */
    public QueueSnapshot snapshot() {
        Instant now = clock.instant();
        Collection<Incident> open = incidents.open();
        List<IncidentView> inProgress = open.stream()
                .map(i -> WireViews.incident(i, agents))
                .sorted(Comparator.comparing(IncidentView::incidentId))
                .toList();
        // A STRANDED incident is in progress for the supervisors but has released its agent.
        Set<String> recovering = open.stream().filter(i -> i.phase().holdsAgent())
                .map(i -> i.droppedWorker().workerSid()).collect(Collectors.toSet());
        List<FinishedIncident> finished = incidents.recentlyFinished().stream()
                .map(i -> WireViews.finished(i, agents))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(FinishedIncident::finishedAt).reversed())
                .limit(RECENTLY_FINISHED)
                .toList();
        return new QueueSnapshot(now, queues(), agentRows(recovering), inProgress, finished, lastHour.statistics(now));
    }

    /** One row per TaskQueue: TaskRouter's real-time statistics, and the ledger's figures of the window ending now. */
    public List<QueueStats> queues() {
        List<QueueStats> rows = new ArrayList<>();
        for (Map.Entry<String, String> queue : twilio.queues().entrySet()) {
            QueueStatistics stats = twilio.queueStatistics(queue.getKey());
            int offline = (int) (long) stats.workersByActivity().getOrDefault(OFFLINE, 0L);
            int busy = Math.max(0, stats.eligibleWorkers() - stats.availableWorkers() - offline);
            rows.add(new QueueStats(queue.getValue(), queue.getKey(), stats.waitingTasks(), stats.longestWaitSeconds(),
                    stats.availableWorkers(), busy, offline,
                    ledger == null ? null : ledger.figures(queue.getKey(), stats.waitingTasks())));
        }
        return rows;
    }

    private List<AgentStatus> agentRows(Set<String> recoveringWorkers) {
        List<AgentStatus> rows = new ArrayList<>();
        for (String identity : agents.agentIdentities()) {
            String workerSid = agents.workerSid(identity).orElseThrow();
            Optional<WorkerState> worker = twilio.fetchWorker(workerSid);
            AgentView agent = states.agentView(identity, workerSid, worker);
            List<AgentStates.OpenReservation> open = states.openReservations(workerSid);
            Instant since = worker.map(WorkerState::activityChangedAt).orElse(null);
            AgentWorkState state = states.workState(recoveringWorkers.contains(workerSid), open);
            // Only an agent on a call has one to listen to: no conference query for the others.
            String conferenceSid = state == AgentWorkState.ON_CALL
                    ? states.conferenceOf(workerSid).map(ConferenceRecord::conferenceSid).orElse(null) : null;
            rows.add(new AgentStatus(agent, state, since, conferenceSid));
        }
        return rows;
    }

    /** Pushes one snapshot to this member's supervisor sockets, if any. */
    public void pushNow() {
        if (hub.hasLocalSupervisors()) {
            hub.pushToLocalSupervisors(new QueueSnapshotChanged(snapshot()));
        }
    }

    public synchronized SupervisorFeed start(Duration every) {
        if (timer == null) {
            timer = DaemonTimer.named("supervisor-feed");
            timer.scheduleAtFixedRate(() -> {
                try {
                    pushNow();
                } catch (RuntimeException e) {
                    log.warn("supervisor snapshot failed", e);
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
