package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.RecoveryStatistics;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.desktop.AgentStates;
import dev.lifeline.server.desktop.DesktopHub;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.presence.PresenceRegistry;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.supervisor.SupervisorFeed;
import dev.lifeline.server.testsupport.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor panel's snapshot follows a real recovery (two members, twilio-sim, the agent's SIP leg dropped)
 * through every phase, and each member's snapshot tells the same story: the incident in progress at each phase the
 * recovery waits in, then the outcome with its time to reconnect, and the last hour's statistics counted over the
 * cluster's incidents. The time-to-reconnect histogram of the metrics is fed by the same recovery.
 */
class SupervisorTruthTest {

    private static final List<Phase> RESTORED_PATH = List.of(Phase.DETECTED, Phase.PINGING, Phase.RECONNECT_ENQUEUED,
            Phase.RECONNECTED, Phase.RESTORED);

    private RecoveryHarness harness;
    private final List<SupervisorFeed> feeds = new ArrayList<>();

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(15), Duration.ofSeconds(120)).members(2));
        AgentDirectory agents = new AgentDirectory(UserDirectory.demo(new PasswordHasher()), harness.workspace.workers());
        for (int i = 0; i < harness.cluster.members.size(); i++) {
            feeds.add(feedOn(harness.cluster.members.get(i), harness.cluster.engines.get(i), agents));
        }
    }

    @AfterEach
    void stop() {
        feeds.forEach(SupervisorFeed::close);
        harness.close();
    }

    @Test
    void everyMembersSnapshotFollowsARecoveryThroughEveryPhaseAndCountsItInTheLastHour() throws Exception {
        String alice = harness.workspace.workers().get("alice");
        TestSoftphone firstDesktop = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", firstDesktop);

        firstDesktop.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        for (SupervisorFeed feed : feeds) {
            IncidentView shown = awaitInProgress(feed, pinging.incidentId(), Phase.PINGING);
            assertThat(shown.droppedWorkerSid()).isEqualTo(alice);
            assertThat(shown.phaseReachedAt()).containsKeys(Phase.DETECTED, Phase.PINGING);
        }

        harness.softphone("alice");
        Reservation ping = harness.agents.awaitPendingReservation("alice", task -> task.sid().equals(pinging.pingTaskSid()));
        harness.agents.acceptPlain(ping);
        Reservation reconnect = harness.agents.awaitPendingReservation("alice",
                task -> task.attributesJson().contains("\"isReconnect\":true"));
        // The reconnect waits for alice to accept it: the incident stays RECONNECT_ENQUEUED until she does.
        for (SupervisorFeed feed : feeds) {
            assertThat(awaitInProgress(feed, pinging.incidentId(), Phase.RECONNECT_ENQUEUED).phaseReachedAt())
                    .containsKeys(Phase.DETECTED, Phase.PINGING, Phase.RECONNECT_ENQUEUED);
        }
        harness.agents.acceptVoice("alice", reconnect);

        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        assertThat(restored.timestamps()).containsOnlyKeys(RESTORED_PATH);
        Duration timeToReconnect = Duration.between(restored.timestamps().get(Phase.DETECTED),
                restored.timestamps().get(Phase.RESTORED));
        Duration reportedToTheMillisecond = Duration.ofMillis(timeToReconnect.toMillis());
        for (SupervisorFeed feed : feeds) {
            QueueSnapshot snapshot = Await.value("the recovery finished on the panel with the last hour's figures", () -> {
                QueueSnapshot taken = feed.snapshot();
                return finished(taken, restored.incidentId()).isPresent() && taken.statistics().finished(Phase.RESTORED) == 1
                        ? taken : null;
            });
            assertThat(snapshot.incidentsInProgress()).extracting(IncidentView::incidentId).doesNotContain(restored.incidentId());
            FinishedIncident outcome = finished(snapshot, restored.incidentId()).orElseThrow();
            assertThat(outcome.outcome()).isEqualTo(Phase.RESTORED);
            assertThat(outcome.timeToReconnect()).isEqualTo(timeToReconnect);

            RecoveryStatistics lastHour = snapshot.statistics();
            assertThat(lastHour.finishedByOutcome()).containsOnlyKeys(Phase.RESTORED);
            assertThat(lastHour.timeToReconnectP50()).isEqualTo(reportedToTheMillisecond);
            assertThat(lastHour.timeToReconnectP95()).isEqualTo(reportedToTheMillisecond);
            Instant hourBefore = snapshot.takenAt().minus(QueueSnapshot.STATISTICS_WINDOW);
            assertThat(lastHour.since()).isBetween(hourBefore.minus(SupervisorFeed.STATISTICS_REFRESH), hourBefore);
        }

        // Each phase the recovery waited in is observed once in the cluster, by the member that applied it; RESTORED's
        // observation is the time to reconnect (taken just after the change was stored, so never shorter).
        String scrape = harness.metrics.scrape();
        for (Phase phase : List.of(Phase.DETECTED, Phase.PINGING, Phase.RECONNECT_ENQUEUED, Phase.RESTORED)) {
            assertThat(sample(scrape, "lifeline_time_to_phase_seconds_count{phase=\"" + phase + "\"}")).as(phase.name())
                    .isEqualTo(1.0);
        }
        assertThat(sample(scrape, "lifeline_time_to_phase_seconds_sum{phase=\"RESTORED\"}"))
                .isGreaterThanOrEqualTo(timeToReconnect.toNanos() / 1e9);
        assertThat(sample(scrape, "lifeline_incidents_finished_total{outcome=\"RESTORED\"}")).isEqualTo(1.0);
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
    }

    private SupervisorFeed feedOn(HazelcastInstance member, RecoveryEngine engine, AgentDirectory agents) {
        Clock clock = Clock.systemUTC();
        DesktopHub hub = new DesktopHub(member, agents, clock);
        AgentStates states = new AgentStates(harness.taskRouter, engine, hub, agents,
                new PresenceRegistry(member, Duration.ofSeconds(30), clock), clock);
        return new SupervisorFeed(harness.taskRouter, engine.incidents(), agents, states, hub, clock);
    }

    private static IncidentView awaitInProgress(SupervisorFeed feed, String incidentId, Phase phase) {
        return Await.present("incident " + incidentId + " " + phase + " on the panel", () -> feed.snapshot()
                .incidentsInProgress().stream()
                .filter(view -> view.incidentId().equals(incidentId) && view.phase() == phase)
                .findFirst(), Await.DEFAULT_TIMEOUT, Duration.ofMillis(100));
    }

    /** The value of one series in Prometheus' text format. */
    private static double sample(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
    }

    private static Optional<FinishedIncident> finished(QueueSnapshot snapshot, String incidentId) {
        return snapshot.recentlyFinished().stream().filter(f -> f.incidentId().equals(incidentId)).findFirst();
    }
}
