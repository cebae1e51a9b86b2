package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static RtpPacket packet(int sequence, long ssrc) {
        return new RtpPacket(0, false, sequence & 0xFFFF, sequence * 160L, ssrc, new byte[0]);
    }

    private static short[] frame(int marker) {
        short[] frame = new short[160];
        frame[0] = (short) marker;
        return frame;
    }

    @Test
    void playoutWaitsForItsDepthThenPlaysInSequenceOrder() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.put(packet(11, 1), frame(11));
        assertThat(buffer.take()).isNull();
        buffer.put(packet(10, 1), frame(10));
        assertThat(buffer.take()[0]).isEqualTo((short) 10);
        assertThat(buffer.take()[0]).isEqualTo((short) 11);
    }

    @Test
    void aLostFrameIsAGapAndALatecomerAfterItsSlotIsDropped() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(packet(1, 1), frame(1));
        buffer.put(packet(3, 1), frame(3));
        assertThat(buffer.take()[0]).isEqualTo((short) 1);
        assertThat(buffer.take()).isNull(); // 2 is missing
        buffer.put(packet(2, 1), frame(2)); // too late
        assertThat(buffer.take()[0]).isEqualTo((short) 3);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void duplicatesPlayOnce() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(packet(5, 1), frame(5));
        buffer.put(packet(5, 1), frame(99));
        assertThat(buffer.take()[0]).isEqualTo((short) 5);
        assertThat(buffer.take()).isNull();
    }

    @Test
    void theSequenceNumberWrapKeepsTheOrder() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.put(packet(65534, 1), frame(1));
        buffer.put(packet(0, 1), frame(3));
        buffer.put(packet(65535, 1), frame(2));
        assertThat(buffer.take()[0]).isEqualTo((short) 1);
        assertThat(buffer.take()[0]).isEqualTo((short) 2);
        assertThat(buffer.take()[0]).isEqualTo((short) 3);
    }

    @Test
    void aNewSsrcStartsTheBufferAgain() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(packet(100, 1), frame(1));
        buffer.put(packet(7, 2), frame(2));
        assertThat(buffer.take()[0]).isEqualTo((short) 2);
    }
}
