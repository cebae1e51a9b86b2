package dev.lifeline.sim.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.sim.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The storm's faults at the dispatcher: a random 1–3 extra copies per callback (reproducible from the seed),
 * and re-order windows that are released after a hold time even when they never fill.
 */
class DeliveryFaultsTest {

    private static final int CALLBACKS = 60;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(new WebhookSigner("token"));

    @AfterEach
    void stop() {
        dispatcher.close();
        receiver.close();
    }

    @Test
    void eachCallbackGetsItsOwnDuplicateCountWithinTheRange() throws Exception {
        dispatcher.faults(DeliveryFaults.NONE.withDuplicates(1, 3));

        Map<String, Long> copies = sendNumberedCallbacks(dispatcher, receiver, "/range");

        assertThat(copies).hasSize(CALLBACKS);
        assertThat(copies.values()).allSatisfy(count -> assertThat(count).isBetween(2L, 4L));
        // 60 draws from {1, 2, 3}: every count shows up (a fixed count would fail this).
        assertThat(copies.values()).contains(2L, 3L, 4L);
        assertThat(dispatcher.callbacksSent()).isEqualTo(CALLBACKS);
        assertThat(dispatcher.deliveryAttempts()).isEqualTo(copies.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theSameSeedDrawsTheSameDuplicateCounts() throws Exception {
        DeliveryFaults faults = DeliveryFaults.NONE.withDuplicates(0, 3).withSeed(42);
        dispatcher.faults(faults);
        Map<String, Long> first = sendNumberedCallbacks(dispatcher, receiver, "/first");
        try (WebhookDispatcher replay = new WebhookDispatcher(new WebhookSigner("token"))) {
            replay.faults(faults);
            Map<String, Long> second = sendNumberedCallbacks(replay, receiver, "/second");

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void aReorderWindowThatNeverFillsIsReleasedAfterItsHoldTime() throws Exception {
        dispatcher.faults(DeliveryFaults.NONE.withReorder(10, Duration.ofMillis(100)));

        for (int i = 0; i < 3; i++) {
            dispatcher.send(Webhook.form(receiver.url("/held"), Map.of("N", String.valueOf(i)), "CF1"));
        }

        // Three of a window of ten, never flushed: they still arrive, once each.
        assertThat(receiver.await(r -> r.path().equals("/held"), 3, Duration.ofSeconds(5)))
                .extracting(r -> r.param("N")).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.matching(r -> r.path().equals("/held"))).hasSize(3);
    }

    @Test
    void withoutAHoldTimeAWindowWaitsUntilFlushed() throws Exception {
        dispatcher.faults(new DeliveryFaults(Duration.ZERO, 0, 10));
        dispatcher.send(Webhook.form(receiver.url("/waiting"), Map.of("N", "0"), "CF1"));

        assertThat(dispatcher.awaitIdle(Duration.ofMillis(200))).isFalse();
        dispatcher.flushHeld();

        receiver.awaitOne(r -> r.path().equals("/waiting"));
    }

    @Test
    void theFixedCountConstructorMeansExactlyThatManyCopies() {
        DeliveryFaults fixed = new DeliveryFaults(Duration.ofMillis(5), 2, 1);

        assertThat(fixed.minDuplicates()).isEqualTo(2);
        assertThat(fixed.maxDuplicates()).isEqualTo(2);
        assertThat(fixed.reorderHold()).isZero();
        assertThat(fixed.describe()).containsEntry("duplicates", 2).containsEntry("delayMillis", 5L);
        assertThat(fixed.withDuplicates(1, 3).describe()).doesNotContainKey("duplicates")
                .containsEntry("minDuplicates", 1).containsEntry("maxDuplicates", 3);
    }

    @Test
    void badRangesAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> DeliveryFaults.NONE.withDuplicates(3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDuplicates (3) must not exceed");
        assertThatThrownBy(() -> DeliveryFaults.NONE.withDuplicates(-1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> DeliveryFaults.NONE.withDuplicates(1, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> DeliveryFaults.NONE.withReorder(3, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reorderHold");
    }

    /** Sends {@link #CALLBACKS} distinct callbacks one after another; returns how often each arrived. */
    private static Map<String, Long> sendNumberedCallbacks(WebhookDispatcher dispatcher, WebhookReceiver receiver,
                                                         String path) throws InterruptedException {
        for (int i = 0; i < CALLBACKS; i++) {
            dispatcher.send(Webhook.form(receiver.url(path), Map.of("N", String.valueOf(i)), "key-" + i));
        }
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<WebhookReceiver.Received> received = receiver.matching(r -> r.path().equals(path));
        return received.stream().collect(Collectors.groupingBy(r -> r.param("N"), TreeMap::new, Collectors.counting()));
    }
}
