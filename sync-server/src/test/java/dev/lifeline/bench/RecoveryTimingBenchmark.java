package dev.lifeline.bench;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.scenarios.BenchAccess;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time-to-reconnect in sim mode, split by phase: from "the desktop is back" (its softphone registered and the
 * Recovery Ping accepted) to "the customer is bridged with the agent again". Not a test: it asserts nothing
 * about speed and only runs when asked for (see bench/README.md).
 */
@Tag("bench")
class RecoveryTimingBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @Test
    void measureTimeToReconnect() throws Exception {
        Percentiles backToEnqueued = new Percentiles();
        Percentiles enqueuedToAccepted = new Percentiles();
        Percentiles acceptedToRestored = new Percentiles();
        Percentiles backToBridged = new Percentiles();
        try (BenchAccess world = BenchAccess.start()) {
            for (int round = 0; round < ROUNDS; round++) {
                BenchAccess.Call call = world.callAnsweredBy("alice");
                call.dropAgent();
                Incident pinging = world.awaitIncident(i -> i.phase() == Phase.PINGING && !world.seen(i));
                Instant back = Instant.now();
                call.restartDesktop();
                world.acceptPlain(world.pendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
                Reservation reconnect = world.pendingReservation("alice", t -> t.attributesJson().contains(pinging.incidentId())
                        && t.attributesJson().contains("\"isReconnect\":true"));
                world.acceptVoice("alice", reconnect);
                Incident restored = world.awaitIncident(i -> i.incidentId().equals(pinging.incidentId()) && i.phase() == Phase.RESTORED);
                call.awaitBridged();
                Instant bridged = Instant.now();
                Map<Phase, Instant> at = restored.timestamps();
                backToEnqueued.add(millis(back, at.get(Phase.RECONNECT_ENQUEUED)));
                enqueuedToAccepted.add(millis(at.get(Phase.RECONNECT_ENQUEUED), at.get(Phase.RECONNECTED)));
                acceptedToRestored.add(millis(at.get(Phase.RECONNECTED), at.get(Phase.RESTORED)));
                backToBridged.add(millis(back, bridged));
                world.remember(restored);
                call.hangUpEverything();
            }
        }
        System.out.println("== time to reconnect (sim mode, one member, " + ROUNDS + " recoveries) ==");
        System.out.println("desktop back -> customer enqueued to the agent : " + backToEnqueued.summary());
        System.out.println("enqueued -> reconnect accepted                : " + enqueuedToAccepted.summary());
        System.out.println("reconnect accepted -> RESTORED                : " + acceptedToRestored.summary());
        System.out.println("desktop back -> customer bridged (end to end) : " + backToBridged.summary());
    }

    private static double millis(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e6;
    }
}
