package dev.lifeline.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.sim.webhook.DeliveryFaults;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The webhook storm at CI size: 3 members, concurrent interactions of every kind, each callback and Event Streams
 * event delivered 2–4 times (1–3 extra copies), shuffled in windows of 3 and a little late, to members in turn.
 * Every interaction must end exactly as it does in an undisturbed run of the same scenarios: no recovery lost,
 * none performed twice, every Twilio side effect on the customer counted once at the emulator.
 */
class ClusterStormTest {

    private static final int CONFERENCES = 20;
    private static final int THREADS = 10;
    static final DeliveryFaults STORM = DeliveryFaults.NONE.withDelay(Duration.ofMillis(2)).withDuplicates(1, 3)
            .withReorder(3, Duration.ofMillis(300));

    @Test
    void aDuplicatedShuffledStormEndsEveryInteractionAsAnUndisturbedRunDoes() throws Exception {
        StormReport undisturbed = StormDriver.of(CONFERENCES, THREADS, DeliveryFaults.NONE).run();
        StormReport storm = StormDriver.of(CONFERENCES, THREADS, STORM).run();
        System.out.println("undisturbed: " + undisturbed.outcomes());
        System.out.println("storm: " + storm.outcomes() + " deliveries " + storm.deliveries() + " of " + storm.callbacks());

        assertThat(undisturbed.failures()).isEmpty();
        assertThat(storm.failures()).isEmpty();
        assertThat(storm.differencesFrom(undisturbed)).isEmpty();
        assertThat(storm.lostRecoveries()).isZero();
        assertThat(storm.doubleRecoveries()).isZero();
        assertThat(storm.spuriousIncidents()).isZero();
        assertThat(storm.deliveries()).isGreaterThanOrEqualTo(2 * storm.callbacks());
    }
}
