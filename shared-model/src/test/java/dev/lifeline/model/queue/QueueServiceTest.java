package dev.lifeline.model.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.Samples;
import dev.lifeline.model.codec.JsonCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A queue's service figures: the two rates, what is refused, and a snapshot from a server that sends none. */
class QueueServiceTest {

    @Test
    void serviceLevelIsAmongTheAnsweredAndAbandonmentAmongAllWhoLeft() {
        QueueService service = Samples.queueService();

        assertThat(service.serviceLevel().getAsDouble()).isEqualTo(2 / 3.0);
        assertThat(service.abandonmentRate().getAsDouble()).isEqualTo(1 / 4.0);
    }

    @Test
    void aQuietWindowHasNoRatesRatherThanZeroes() {
        QueueService quiet = new QueueService(Duration.ofMinutes(30), 20, 0, 0, 0, null, null);

        assertThat(quiet.serviceLevel()).isEmpty();
        assertThat(quiet.abandonmentRate()).isEmpty();
    }

    @Test
    void inconsistentFiguresAreRefused() {
        assertThatThrownBy(() -> new QueueService(Duration.ofMinutes(30), 20, 1, 2, 0, Duration.ZERO, null))
                .hasMessageContaining("answeredInTime");
        assertThatThrownBy(() -> new QueueService(Duration.ofMinutes(30), 20, 1, 1, 0, null, null))
                .hasMessageContaining("averageWait");
        assertThatThrownBy(() -> new QueueService(Duration.ofMinutes(30), 0, 0, 0, 0, null, null))
                .hasMessageContaining("serviceLevelSeconds");
    }

    @Test
    void aQueueRowFromAServerWithoutServiceFiguresDecodesWithNone() {
        String json = JsonCodec.shared().encode(Samples.queueSnapshot()).replaceFirst(",\"service\":\\{[^}]*\\}", "");
        assertThat(json).doesNotContain("\"service\"");

        QueueSnapshot snapshot = JsonCodec.shared().decode(json, QueueSnapshot.class);

        assertThat(snapshot.queues().get(0).service()).isNull();
        assertThat(JsonCodec.shared().decode(JsonCodec.shared().encode(Samples.queueSnapshot()), QueueSnapshot.class))
                .isEqualTo(Samples.queueSnapshot());
    }
}
