package dev.lifeline.bench;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryStrategy;
import dev.lifeline.server.scenarios.BenchAccess;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two recovery strategies side by side (issue 17), in one run, sim mode, one member: for each, from "the desktop
 * is back" (restarted, signed in, its phone registered) to "the customer hears the agent" (one conference, the
 * customer off hold), and how many REST requests the server sent Twilio on that path (up to the one that let the
 * customer hear the agent; see {@link BenchAccess#restCallsUntilHeard}). Asserts nothing; see bench/README.md.
 */
@Tag("bench")
class StrategiesBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @Test
    void measureBothStrategies() throws Exception {
        Map<RecoveryStrategy, Percentiles> backToHeard = new EnumMap<>(RecoveryStrategy.class);
        Map<RecoveryStrategy, Percentiles> restCalls = new EnumMap<>(RecoveryStrategy.class);
        Map<RecoveryStrategy, List<String>> sampleCalls = new EnumMap<>(RecoveryStrategy.class);
        for (RecoveryStrategy strategy : List.of(RecoveryStrategy.REQUEUE, RecoveryStrategy.REJOIN)) {
            Percentiles millis = new Percentiles();
            Percentiles calls = new Percentiles();
            try (BenchAccess world = BenchAccess.start(strategy)) {
                for (int round = 0; round < ROUNDS; round++) {
                    BenchAccess.Call call = world.callAnsweredBy("alice");
                    call.dropAgent();
                    // The detection's own work (announcement, hold music, tagging the task) is done before the desktop is
                    // back, as it is after a real desktop's seconds of restart: it belongs to neither strategy's path.
                    Incident waiting = world.awaitIncident(i -> world.waitsForAgent(i) && !world.seen(i)
                            && i.pendingEffects().isEmpty());
                    call.restartDesktop();
                    long back = System.nanoTime();
                    int before = world.restCallCount();
                    if (strategy == RecoveryStrategy.REJOIN) {
                        world.phoneReady("alice", waiting.incidentId());
                    } else {
                        world.acceptPlain(world.pendingReservation("alice", t -> t.sid().equals(waiting.pingTaskSid())));
                        Reservation reconnect = world.pendingReservation("alice", t -> t.attributesJson().contains(waiting.incidentId())
                                && t.attributesJson().contains("\"isReconnect\":true"));
                        world.acceptVoice("alice", reconnect);
                    }
                    call.awaitHeard();
                    millis.add((System.nanoTime() - back) / 1e6);
                    Incident restored = world.awaitIncident(i -> i.incidentId().equals(waiting.incidentId())
                            && i.phase() == Phase.RESTORED);
                    calls.add(world.restCallsUntilHeard(before, strategy, call.customer()));
                    if (round == ROUNDS - 1) {
                        sampleCalls.put(strategy, new ArrayList<>(world.restCallsSince(before)));
                    }
                    world.remember(restored);
                    call.hangUpEverything();
                }
            }
            backToHeard.put(strategy, millis);
            restCalls.put(strategy, calls);
        }
        System.out.println("== recovery strategies side by side (sim mode, one member, " + ROUNDS + " recoveries each) ==");
        for (RecoveryStrategy strategy : backToHeard.keySet()) {
            System.out.println(strategy.word() + ": desktop back -> customer hears the agent: " + backToHeard.get(strategy).summary()
                    + "; REST calls to that point p50=" + (int) restCalls.get(strategy).at(50)
                    + " max=" + (int) restCalls.get(strategy).at(100));
            System.out.println("  last round's requests from desktop back on: " + sampleCalls.get(strategy));
        }
        Percentiles rejoin = backToHeard.get(RecoveryStrategy.REJOIN);
        Percentiles requeue = backToHeard.get(RecoveryStrategy.REQUEUE);
        System.out.printf("rejoin/requeue p50 ratio=%.2f p90 ratio=%.2f%n", rejoin.at(50) / requeue.at(50),
                rejoin.at(90) / requeue.at(90));
        for (RecoveryStrategy strategy : backToHeard.keySet()) {
            System.out.printf("strategy=%s p50=%.0fms p90=%.0fms rest_calls=%d%n", strategy.word(),
                    backToHeard.get(strategy).at(50), backToHeard.get(strategy).at(90), (int) restCalls.get(strategy).at(50));
        }
    }
}
