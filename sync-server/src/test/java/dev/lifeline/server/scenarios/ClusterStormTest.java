package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.sim.webhook.DeliveryFaults;
import java.time.Duration;
import dev.lifeline.server.recovery.RecoveryStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook storm at CI size (issue #7, item 1): 3 members, concurrent interactions of every kind, each
 * callback and Event Streams event delivered with 1–3 extra copies, shuffled in windows of 3 and a little late,
 * to members in turn. Every interaction must end exactly as in an undisturbed run of the same scenarios: no
 * recovery lost, none performed twice, every Twilio side effect on the customer counted once at the emulator.
 * Replaces the older single-call WebhookStormTest, which this covers with more members, faults and calls.
 * The 500-conference run is {@code bench/run.sh storm}.
 */
class ClusterStormTest {

    private static final int CONFERENCES = 20;
    private static final int DESKTOP_THREADS = 10;
    private static final DeliveryFaults STORM = DeliveryFaults.NONE.withDelay(Duration.ofMillis(2)).withDuplicates(1, 3)
            .withReorder(3, Duration.ofMillis(300));

    @ParameterizedTest
    @EnumSource(RecoveryStrategy.class)
    void aDuplicatedShuffledStormEndsEveryInteractionAsAnUndisturbedRunDoes(RecoveryStrategy strategy) throws Exception {
        StormReport undisturbed = StormDriver.of(CONFERENCES, DESKTOP_THREADS, DeliveryFaults.NONE).strategy(strategy).run();
        assertThat(undisturbed.failures()).isEmpty();
        assertThat(undisturbed.differencesFromExpected()).as("the reference model matches an undisturbed run").isEmpty();

        StormReport storm = StormDriver.of(CONFERENCES, DESKTOP_THREADS, STORM).strategy(strategy).run();

        assertThat(storm.failures()).isEmpty();
        assertThat(storm.differencesFrom(undisturbed)).isEmpty();
        assertThat(storm.lostRecoveries()).isZero();
        assertThat(storm.doubleRecoveries()).isZero();
        assertThat(storm.spuriousIncidents()).isZero();
        // 1–3 extra copies of every callback really went out.
        assertThat(storm.deliveries()).isGreaterThanOrEqualTo(2 * storm.callbacks());
    }
}
