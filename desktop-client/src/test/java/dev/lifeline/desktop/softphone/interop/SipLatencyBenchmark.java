package dev.lifeline.desktop.softphone.interop;

import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.testing.Await;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signalling latency of the desktop's softphone against kamailio and baresip on loopback (bench/README.md; runs
 * only from {@code bench/run.sh softphone}):
 * <ul>
 *   <li>{@code register}: {@code register()} → READY, a fresh phone each round (SIP stack start, REGISTER, the
 *       digest challenge, the authenticated REGISTER, 200 OK);</li>
 *   <li>{@code invite-to-200}: baresip's {@code dial} command sent → its {@code CALL_ESTABLISHED} event, the phone
 *       answering as soon as it rings (INVITE through kamailio, 100/180, the answer with SDP, RTP set up).</li>
 * </ul>
 */
@Tag("bench")
class SipLatencyBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
    /** Rounds run first and not counted: class loading and the JIT, not SIP. */
    private static final int WARM_UP = 3;

    @TempDir
    Path dir;

    @Test
    void registerAndInviteLatency() throws Exception {
        double[] register = new double[ROUNDS];
        double[] invite = new double[ROUNDS];
        try (InteropRig rig = new InteropRig(dir)) {
            SipAccount account = new SipAccount(InteropRig.ALICE, "alice", Kamailio.PASSWORD, "127.0.0.1",
                    rig.kamailioPort, SipTransport.UDP);
            for (int i = -WARM_UP; i < ROUNDS; i++) {
                long start = System.nanoTime();
                try (SipSoftphone phone = new SipSoftphone(account, rig.options(),
                        new dev.lifeline.desktop.softphone.audio.NullAudioDevice())) {
                    phone.register("alice", (callSid, from) -> {
                    });
                    Await.until("registered", () -> phone.state().isReady());
                    if (i >= 0) {
                        register[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }

            SipSoftphone[] answering = new SipSoftphone[1];
            answering[0] = new SipSoftphone(account, rig.options(),
                    new dev.lifeline.desktop.softphone.audio.NullAudioDevice());
            rig.phone = answering[0];
            answering[0].register("alice", new SoftphoneListener() {
                @Override
                public void ringing(String callSid, String from) {
                    answering[0].answer(callSid);
                }
            });
            Await.until("registered", () -> answering[0].state().isReady());
            rig.startBaresip();
            for (int i = -WARM_UP; i < ROUNDS; i++) {
                long start = System.nanoTime();
                rig.baresip.command("dial", InteropRig.ALICE);
                rig.baresip.awaitEvent("CALL_ESTABLISHED");
                if (i >= 0) {
                    invite[i] = (System.nanoTime() - start) / 1e6;
                }
                rig.baresip.command("hangup", "");
                rig.baresip.awaitEvent("CALL_CLOSED");
                Await.until("the phone is free", () -> answering[0].activeCallSid().isEmpty());
            }
        }
        System.out.println("== softphone SIP latency (kamailio + baresip on loopback, " + ROUNDS + " rounds after " + WARM_UP + " warm-up) ==");
        System.out.println("register " + percentiles(register));
        System.out.println("invite-to-200 " + percentiles(invite));
    }

    private static String percentiles(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("p50=%.1fms p99=%.1fms", rank(sorted, 50), rank(sorted, 99));
    }

    private static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
