package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The people an incident's phase changes reach, through a real member's incident store and the effect runner: the
 * dropped agent once per phase change (the phase observer told them a second time), and another agent named by a
 * {@code NotifyAgent} that agent, not the dropped one. Effects run off the caller's thread, in the incident's order.
 */
class EffectRunnerNoticesTest {

    private static final String ALICE = "WKalice";
    private static final String BOB = "WKbob";
    private static final String INCIDENT = IncidentIds.incidentId("CF1", "CAalice");
    private static final RecoveryPolicy POLICY = RecoveryPolicy.defaults("WWping", "https://lifeline.test/announce.mp3",
            "https://lifeline.test/hold.mp3");

    private final HazelcastInstance member = HazelcastMembers.start(new ClusterSettings("notices-" + UUID.randomUUID(),
            24931, List.of("127.0.0.1:24931"), 1, 1));
    private final IncidentStore incidents = new IncidentStore(member);
    private final Recorder told = new Recorder();
    private final LifelineMetrics metrics = new LifelineMetrics();
    private final PhaseObserver phases = new PhaseObserver(metrics, Clock.systemUTC());
    private final EffectRunner runner = new EffectRunner(incidents, new TwilioEffects(null, null, "unused"),
            new EffectLeases(member, Duration.ofSeconds(30)), POLICY, Clock.systemUTC(), metrics, told, phases);

    @AfterEach
    void stop() {
        runner.close();
        member.getLifecycleService().terminate();
    }

    @Test
    void eachPhaseChangeReachesTheDroppedAgentOnceAndBobsNoticeReachesBob() throws Exception {
        int phaseChanges = 0;
        for (RecoveryEvent event : List.of(drop(), new RecoveryEvent.PingTaskCreated("WTping"),
                new RecoveryEvent.PingAccepted("WTping"),
                new RecoveryEvent.ReconnectAccepted("WT2", "WR2", BOB, "CF2", "WT2"))) {
            AppliedIncident applied = incidents.apply(INCIDENT, event, Clock.systemUTC().instant(), POLICY);
            phases.observe(applied);
            phaseChanges += applied.phaseChanged() ? 1 : 0;
            // Only the notices: the Twilio effects of these steps are another test's (there is no Twilio here).
            runner.run(INCIDENT, applied.newEffects().stream().filter(Effect.NotifyAgent.class::isInstance).toList());
        }
        awaitIdle(runner);

        assertThat(told.droppedAgent).as("the dropped agent, once per phase change").hasSize(phaseChanges);
        assertThat(told.others).as("bob, who accepted alice's customer").containsExactly(BOB);
        assertThat(incidents.get(INCIDENT).orElseThrow().phase()).isEqualTo(Phase.RESTORED);
    }

    private static RecoveryEvent.DropDetected drop() {
        DroppedWorker alice = new DroppedWorker(ALICE, "Alice", "CAalice", "WT1", "WR1", "WWvoice",
                TaskAttributes.of(Map.of("call_sid", "CAcust")));
        return new RecoveryEvent.DropDetected(INCIDENT, null, 1, null, "CF1", alice, "CAcust",
                List.of(new PartySnapshot("CAcust", PartyRole.CUSTOMER, "customer", false, false, true)));
    }

    private static void awaitIdle(EffectRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!runner.idle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the incident's lane never ran out of work");
            }
            Thread.sleep(10); // polling interval of the condition, not a wait for an outcome
        }
    }

    /** What the desktops would have been told. */
    private static final class Recorder implements AgentNotifier {
        final List<Phase> droppedAgent = new CopyOnWriteArrayList<>();
        final List<String> others = new CopyOnWriteArrayList<>();

        @Override
        public void incidentChanged(Incident incident) {
            droppedAgent.add(incident.phase());
        }

        @Override
        public void tellAgent(String workerSid, Incident incident) {
            others.add(workerSid);
        }
    }
}
