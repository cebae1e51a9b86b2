package dev.lifeline.sim.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.media.Wav;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.Baresip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * twilio-sim against independent SIP software (issue 12, item 5): baresip registers with the emulated SIP Domain
 * using a credential created through twilio-java, a TaskRouter conference instruction rings it, it answers by itself,
 * the customer's 1000 Hz tone reaches it (its own recording) and its 440 Hz tone reaches the customer (the emulator's
 * recording), both found with Goertzel; its hang-up ends the agent leg.
 */
class BaresipInteropTest {

    private static final String PASSWORD = "BaresipAgent2026";
    private static final Duration AUDIO = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private TwilioSim sim;
    private TwilioRestClient client;
    private Baresip baresip;

    @BeforeEach
    void start() {
        Baresip.binary(); // fails with the install hint before anything starts
        sim = TwilioSim.builder().port(0).sipPort(0).start();
        client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
    }

    @AfterEach
    void stop() {
        if (baresip != null) {
            baresip.close();
        }
        sim.close();
    }

    @Test
    void baresipRegistersTakesTheConferenceInstructionsCallAndAudioCrossesBothWays() throws Exception {
        String domain = Domain.creator("lifeline.sip.twilio.com").setSipRegistration(true).create(client).getSid();
        String list = CredentialList.creator("agents").create(client).getSid();
        Credential.creator(list, "bob", PASSWORD).create(client);
        AuthRegistrationsCredentialListMapping.creator(domain, list).create(client);

        Path tone = directory.resolve("tone440.wav");
        Files.write(tone, Wav.write(ToneGenerator.samples(440, 0.5, 30)));
        baresip = Baresip.start(directory.resolve("baresip"), "<sip:bob@lifeline.sip.twilio.com>;auth_pass=" + PASSWORD
                + ";outbound=\"sip:127.0.0.1:" + sim.sip().port() + ";transport=udp\";regint=600;answermode=auto;audio_codecs=pcmu",
                tone);
        Await.until(() -> !sim.sip().bindingsSnapshot().isEmpty(), Duration.ofSeconds(15), () -> "baresip's REGISTER; log: " + baresip.log());

        String workspace = Workspace.creator("Lifeline").create(client).getSid();
        String available = StreamSupport.stream(Activity.reader(workspace).read(client).spliterator(), false)
                .filter(a -> a.getFriendlyName().equals("Available")).findFirst().orElseThrow().getSid();
        Worker.creator(workspace, "bob").setAttributes("{\"contact_uri\":\"sip:bob@lifeline.sip.twilio.com\"}")
                .setActivitySid(available).create(client);
        String queue = TaskQueue.creator(workspace, "Support").create(client).getSid();
        String workflow = Workflow.creator(workspace, "Inbound", "{\"task_routing\":{\"filters\":[],\"default_filter\":"
                + "{\"queue\":\"" + queue + "\"}}}").create(client).getSid();
        String customer = sim.voice().inboundCall("+15551234567", "+15550100000", workflow, "{}", null, null);
        sim.media().farEndSends(customer, new ToneGenerator(1000, 0.3));
        Task task = Task.reader(workspace).read(client).iterator().next();
        Reservation reservation = Await.value(() -> StreamSupport.stream(Reservation.reader(workspace, task.getSid())
                .read(client).spliterator(), false).findFirst().orElse(null), Duration.ofSeconds(5), "a reservation");

        Reservation.updater(workspace, task.getSid(), reservation.getSid()).setInstruction("conference")
                .setFrom("+15550001").update(client);

        baresip.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
        Await.until(() -> Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(client)
                .getReservationStatus() == Reservation.Status.ACCEPTED, Duration.ofSeconds(10), () -> "the reservation accepted");
        Await.until(() -> Goertzel.detect(sim.media().farEndHeard(customer).last(2), 440, Codec.SAMPLE_RATE).hits() >= 20,
                AUDIO, () -> "baresip's 440 Hz at the customer");
        Await.until(() -> baresipHeard(1000) >= 20, AUDIO, () -> "the customer's 1000 Hz in baresip's recording");
        assertThat(Goertzel.detect(sim.media().farEndHeard(customer).last(2), 1000, Codec.SAMPLE_RATE).hits()).isZero();

        String agentLeg = StreamSupport.stream(com.twilio.rest.api.v2010.account.conference.Participant.reader(
                Conference.reader().setFriendlyName(task.getSid()).read(client).iterator().next().getSid())
                .read(client).spliterator(), false).filter(p -> "bob".equals(p.getLabel())).findFirst().orElseThrow().getCallSid();
        baresip.command("hangup", null);
        Await.until(() -> sim.voice().callStatus(agentLeg).equals("completed"), Duration.ofSeconds(10), () -> "the BYE");
        assertThat(sim.voice().effects(agentLeg)).containsEntry("sipBye", 1);
        Await.until(() -> Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(client)
                .getReservationStatus() == Reservation.Status.WRAPPING);
    }

    private int baresipHeard(double frequency) {
        try {
            Path recording = baresip.receivedRecording();
            if (recording == null) {
                return 0;
            }
            short[] samples = Wav.read(Files.readAllBytes(recording));
            return Goertzel.detect(samples, frequency, Codec.SAMPLE_RATE).hits();
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // still being written
        }
    }
}
