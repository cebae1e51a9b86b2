package dev.lifeline.desktop.softphone.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Replays exact arrival times (milliseconds) into the buffer and reads one frame per 20 ms tick. */
class JitterBufferTest {

    private static final long SSRC = 42;
    private final JitterBuffer buffer = new JitterBuffer(160);

    @Test
    void playsOutOfOrderFramesInSequenceAfterTheMinimumDelay() {
        offer(1, 0);
        offer(3, 5);
        offer(2, 10);

        assertThat(buffer.poll(0)[0]).as("before the playout delay: silence").isZero();
        assertThat(playedFrom(20, 3)).containsExactly(1, 2, 3);
        assertThat(buffer.stats().concealed).isZero();
    }

    @Test
    void dropsDuplicatesAndFramesThatCameTooLate() {
        offer(1, 0);
        offer(2, 20);
        offer(2, 21);
        playedFrom(40, 2);
        offer(1, 60);

        assertThat(buffer.stats().duplicates).isEqualTo(1);
        assertThat(buffer.stats().late).isEqualTo(1);
        assertThat(buffer.stats().played).isEqualTo(2);
    }

    @Test
    void aMissingFrameIsWaitedForThenConcealedWithAFadingRepeatOfTheLastOne() {
        List<Integer> played = new ArrayList<>();
        for (int seq = 1; seq <= 6; seq++) {
            long now = 20L * seq;
            if (seq != 3) {
                offer(seq, now);
            }
            played.add((int) buffer.poll(now)[0]);
        }
        played.add((int) buffer.poll(140)[0]);

        // 40 ms delay; frame 3 never comes: once waited for (4/5 of frame 2), then declared lost (3/5 of it).
        assertThat(played).containsExactly(0, 1000, 2000, 1600, 1200, 4000, 5000);
        assertThat(buffer.stats().concealed).isEqualTo(2);
    }

    @Test
    void followsTheSequenceAcrossThe16BitWrap() {
        int[] sequences = {65534, 65535, 0, 1};
        for (int i = 0; i < sequences.length; i++) {
            offer(sequences[i], 20L * i, (short) (i + 1));
        }
        List<Integer> played = new ArrayList<>();
        for (int tick = 0; tick < 4; tick++) {
            played.add((int) buffer.poll(40 + 20L * tick)[0]);
        }

        assertThat(played).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theDelayGrowsWithJitterAndShrinksWhenTheNetworkCalmsDown() {
        Random random = new Random(7);
        long seq = 1;
        for (; seq <= 200; seq++) {
            offer((int) seq, 20 * seq + random.nextInt(80));
        }
        int jittery = buffer.targetDelayMs();
        for (; seq <= 600; seq++) {
            offer((int) seq, 20 * seq + 80);
        }

        assertThat(jittery).isBetween(100, JitterBuffer.MAX_DELAY_MS);
        assertThat(buffer.targetDelayMs()).isEqualTo(JitterBuffer.MIN_DELAY_MS);
    }

    @Test
    void lateFramesAreWaitedForWhileTheBufferIsShallow() {
        offer(1, 0);
        offer(2, 20);
        playedFrom(20, 2);

        short[] waiting = buffer.poll(60);
        offer(3, 65);

        assertThat(waiting[0]).as("frame 3 is late: concealed, not skipped").isEqualTo((short) 1600);
        assertThat(buffer.poll(80)[0]).isEqualTo((short) 3000);
        assertThat(buffer.stats().late).isZero();
    }

    @Test
    void aNewSsrcStartsTheStreamAfresh() {
        offer(100, 0);
        buffer.offer(99, 5000, 0, frame((short) 9), 10);

        assertThat(buffer.stats().resets).isEqualTo(1);
        assertThat(buffer.poll(100)[0]).isEqualTo((short) 9);
    }

    private List<Integer> playedFrom(long start, int ticks) {
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            played.add(buffer.poll(start + 20L * i)[0] / 1000);
        }
        return played;
    }

    private void offer(int seq, long arrival) {
        offer(seq, arrival, (short) (1000 * (seq & 0xFFFF)));
    }

    private void offer(int seq, long arrival, short marker) {
        buffer.offer(SSRC, seq & 0xFFFF, 160L * seq, frame(marker), arrival);
    }

    private static short[] frame(short value) {
        short[] frame = new short[160];
        java.util.Arrays.fill(frame, value);
        return frame;
    }
}
