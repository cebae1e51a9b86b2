package dev.lifeline.desktop.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.sim.TwilioSim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The softphone against the real emulator's voice plane: registers, is rung, answers, hangs up or drops. */
class EmulatorSoftphoneTest {

    private static final String CUSTOMER = "+15550000001";

    private TwilioSim sim;
    private OkHttpClient http;
    private ScheduledExecutorService timer;
    private EmulatorSoftphone phone;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sim = TwilioSim.builder().port(0).start();
        sim.voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        http = new OkHttpClient();
        timer = Executors.newSingleThreadScheduledExecutor();
        phone = new EmulatorSoftphone(http, "ws://localhost:" + sim.port() + "/voice-plane",
                sim.voicePlane().tokens().forIdentity("alice"), timer);
        phone.register("alice", new SoftphoneListener() {
            @Override
            public void ringing(String callSid, String from) {
                heard.add("ring " + callSid);
            }

            @Override
            public void connected(String callSid, String conferenceSid) {
                heard.add("connected " + callSid);
            }

            @Override
            public void callEnded(String callSid, String reason) {
                heard.add("ended " + callSid);
            }
        });
        Await.until("the softphone is registered", phone::isRegistered);
    }

    @AfterEach
    void stop() {
        phone.close();
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        sim.close();
    }

    /** The customer waits in "room"; then the agent's client is dialled in, as a conference instruction does. */
    private String ringAlice() {
        sim.voice().addParticipant("room", "+15559990000", CUSTOMER, "customer", true);
        String leg = sim.voice().addParticipant("room", "+15559990000", "client:alice", "alice", false);
        Await.until("the softphone rings", () -> heard.contains("ring " + leg));
        return leg;
    }

    private String answered() {
        String leg = ringAlice();
        phone.answer(leg);
        Await.until("the leg is in the conference", () -> heard.contains("connected " + leg));
        return leg;
    }

    @Test
    void aRingingCallIsAnsweredIntoTheConference() {
        String leg = answered();

        assertThat(phone.activeCallSid()).contains(leg);
        assertThat(sim.voice().callStatus(leg)).isEqualTo("in-progress");
    }

    @Test
    void hangUpIsGraceful() {
        String leg = answered();

        phone.hangUp(leg);

        Await.until("the leg completes", () -> "completed".equals(sim.voice().callStatus(leg)));
        Map<String, Integer> effects = sim.voice().effects(leg);
        assertThat(effects).containsKey("softphoneHangup").doesNotContainKey("softphoneDropped");
        assertThat(phone.activeCallSid()).isEmpty();
    }

    @Test
    void closingWithoutHangUpDropsTheLegNonGracefully() {
        String leg = answered();

        phone.close();

        Await.until("the leg completes", () -> "completed".equals(sim.voice().callStatus(leg)));
        assertThat(sim.voice().effects(leg)).containsKey("softphoneDropped").doesNotContainKey("softphoneHangup");
    }

    @Test
    void aWrongTokenNeverRegisters() {
        EmulatorSoftphone forged = new EmulatorSoftphone(http, "ws://localhost:" + sim.port() + "/voice-plane", "forged", timer);
        try {
            List<Boolean> registrations = new CopyOnWriteArrayList<>();
            forged.register("mallory", new SoftphoneListener() {
                @Override
                public void ringing(String callSid, String from) {
                }

                @Override
                public void registration(boolean registered) {
                    registrations.add(registered);
                }
            });
            Await.until("the refusal is noticed", () -> !registrations.isEmpty());
            assertThat(registrations).doesNotContain(true);
            assertThat(forged.isRegistered()).isFalse();
        } finally {
            forged.close();
        }
    }
}
