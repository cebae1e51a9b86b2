package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.SupervisorLeg;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.supervisor.CallMonitor;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.ToneGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor listens to and whispers into alice's live call (issue 18 item 3), end to end: real Hazelcast member and
 * engine, twilio-sim's SIP Domain, conference mixer and coaching, SIP softphones for alice and sam. Tones: the customer
 * 440 Hz, alice 1000 Hz, sam 1600 Hz.
 */
class SupervisorListenTest {

    private static final double CUSTOMER_TONE = 440;
    private static final double AGENT_TONE = 1000;
    private static final double SUPERVISOR_TONE = 1600;

    private RecoveryHarness harness;
    private CallMonitor monitor;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        // The supervisor's SIP credential, as 'provision' makes it for supervisors (no TaskRouter worker).
        new SipDomainProvisioner(harness.client, TestSoftphone.PASSWORDS).provision(TestSoftphone.DOMAIN, List.of("sam"));
        monitor = new CallMonitor(harness.engine, new SipAccounts(TestSoftphone.DOMAIN, "127.0.0.1", harness.sim.sip().port(),
                "udp", TestSoftphone.PASSWORDS, identity -> true));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theSupervisorHearsBothSidesThenWhispersToTheAgentAloneAndTheAgentsDropIsRecoveredWithoutHim() throws Exception {
        TestSoftphone alice = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", alice);
        String aliceCall = alice.connectedCalls().get(0);
        String conference = aliceConference();
        alice.sendTone(AGENT_TONE);
        harness.sim.media().farEndSends(customer, new ToneGenerator(CUSTOMER_TONE, 0.3));
        TestSoftphone sam = harness.softphone("sam");
        sam.sendTone(SUPERVISOR_TONE);

        monitor.listen("sam", conference);

        Await.until("sam's phone answered the listen call", () -> !sam.connectedCalls().isEmpty());
        String samCall = sam.connectedCalls().get(0);
        Supplier<short[]> samHears = () -> lastSecond(sam.heard(samCall));
        Supplier<short[]> aliceHears = () -> lastSecond(alice.heard(aliceCall));
        Supplier<short[]> customerHears = () -> harness.sim.media().farEndHeard(customer).last(1);
        Await.until("sam hears the customer and alice", () -> hears(samHears, CUSTOMER_TONE) && hears(samHears, AGENT_TONE),
                Duration.ofSeconds(15));
        assertThat(silent(aliceHears, SUPERVISOR_TONE)).as("alice does not hear a listening supervisor").isTrue();
        assertThat(silent(customerHears, SUPERVISOR_TONE)).as("nor does the customer").isTrue();
        Await.until("sam's leg is known as a supervisor's", () -> harness.engine.conference(conference)
                .flatMap(record -> record.participant(samCall)).map(p -> SupervisorLeg.isSupervisorLabel(p.label()))
                .orElse(false));

        monitor.whisper("sam", conference);

        Await.until("alice hears sam's whisper", () -> hears(aliceHears, SUPERVISOR_TONE), Duration.ofSeconds(15));
        assertThat(silent(customerHears, SUPERVISOR_TONE)).as("the customer never hears the whisper").isTrue();
        assertThat(hears(aliceHears, CUSTOMER_TONE)).as("alice still hears the customer").isTrue();

        alice.drop();

        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.remainingParties()).extracting(PartySnapshot::callSid).containsExactly(customer);
        Await.until("sam's leg is taken out with the agent gone",
                () -> "completed".equals(harness.sim.voice().callStatus(samCall)));
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
        TestSoftphone back = harness.agentComesBack("alice", pinging, customer);
        back.hearsAndIsHeardBy(harness.sim, customer);
    }

    private String aliceConference() {
        String worker = harness.workspace.workers().get("alice");
        return harness.engine.conferences().withWorkerPresent(worker).stream()
                .filter(record -> !record.ended()).map(ConferenceRecord::conferenceSid).findFirst().orElseThrow();
    }

    /** A tone's share of the last second's energy: about 1/2 in a sum of two tones, near 0 when absent. */
    private static double share(Supplier<short[]> audio, double frequency) {
        short[] samples = audio.get();
        return samples.length < Codec.SAMPLE_RATE ? 0 : Goertzel.power(samples, 0, samples.length, frequency, Codec.SAMPLE_RATE);
    }

    private static boolean hears(Supplier<short[]> audio, double frequency) {
        return share(audio, frequency) > 0.05;
    }

    private static boolean silent(Supplier<short[]> audio, double frequency) {
        return share(audio, frequency) < 0.01;
    }

    private static short[] lastSecond(short[] samples) {
        return Arrays.copyOfRange(samples, Math.max(0, samples.length - Codec.SAMPLE_RATE), samples.length);
    }
}
