package dev.lifeline.bench;

import dev.lifeline.server.scenarios.MemberLossDriver;
import dev.lifeline.server.scenarios.MemberLossDriver.KillPoint;
import dev.lifeline.server.scenarios.MemberLossDriver.Recovery;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 item 3 at full size: {@code bench.rounds} recoveries (default 100) one after the other on three
 * members with backup count 1; in each, the member owning the incident is terminated at a random step (seeded by
 * {@code bench.seed}, printed) and replaced. Prints how many completed with every side effect once and how long
 * each took from the drop to RESTORED. Asserts nothing about speed.
 */
@Tag("bench")
class MemberLossBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 100);
    private static final long SEED = Long.getLong("bench.seed", System.nanoTime());

    @Test
    void terminateTheOwnerAtRandomPoints() throws Exception {
        Random random = new Random(SEED);
        Percentiles dropToRestored = new Percentiles();
        Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
        int completed = 0;
        int exactlyOnce = 0;
        StringBuilder failures = new StringBuilder();
        StringBuilder each = new StringBuilder();
        try (MemberLossDriver driver = MemberLossDriver.start()) {
            for (int round = 0; round < ROUNDS; round++) {
                KillPoint point = KillPoint.values()[random.nextInt(KillPoint.values().length)];
                kills.merge(point, 1, Integer::sum);
                try {
                    Recovery recovery = driver.recoverKillingOwnerAt(point);
                    completed++;
                    dropToRestored.add(recovery.dropToRestored().toNanos() / 1e6);
                    each.append(' ').append(round).append(':').append(point.ordinal()).append('=')
                            .append(recovery.dropToRestored().toMillis());
                    if (recovery.everyEffectOnce()) {
                        exactlyOnce++;
                    } else {
                        failures.append(" #").append(round).append(' ').append(recovery);
                    }
                } catch (AssertionError e) {
                    failures.append(" #").append(round).append(' ').append(point).append(": ").append(e.getMessage());
                }
            }
        }
        System.out.println("== owner terminated at random points (" + ROUNDS + " recoveries, 3 members) ==");
        System.out.println("completed (RESTORED): " + completed + "/" + ROUNDS + ", every side effect once: " + exactlyOnce + "/" + ROUNDS
                + " (seed " + SEED + ")");
        System.out.println("drop -> RESTORED: " + dropToRestored.summary());
        System.out.println("kills per step: " + kills);
        System.out.println("failures:" + (failures.length() == 0 ? " none" : failures));
        System.out.println("each recovery, round:step=ms (step = ordinal in " + Arrays.toString(KillPoint.values()) + "):" + each);
    }
}
