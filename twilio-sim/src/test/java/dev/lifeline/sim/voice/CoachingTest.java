package dev.lifeline.sim.voice;

import static dev.lifeline.sim.testsupport.WebhookReceiver.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor coaching an agent through the Participants API ({@code Coaching}, {@code CallSidToCoach}, {@code Muted}),
 * heard through the mixer: customer 1000 Hz, agent 440 Hz, supervisor 1600 Hz, each a simulated far end. "The
 * participant being coached is the only participant who can hear the participant who is coaching."
 */
class CoachingTest {

    private static final Duration AUDIO = Duration.ofSeconds(10);
    private static final String CUSTOMER = "+15550000001";
    private static final String AGENT = "+15550000002";
    private static final String SUPERVISOR = "+15550000003";

    private SimFixture sim;
    private String callback;
    private String conferenceSid;
    private String customer;
    private String agent;

    @BeforeEach
    void start() {
        sim = SimFixture.startWithMedia();
        callback = sim.receiver().url("/conference-events");
        for (String address : List.of(CUSTOMER, AGENT, SUPERVISOR)) {
            sim.sim().voice().registerAutoAnswer(address, Duration.ZERO);
        }
        Participant customerLeg = dialIn(CUSTOMER, "customer");
        customer = customerLeg.getCallSid();
        conferenceSid = customerLeg.getConferenceSid();
        agent = dialIn(AGENT, "agent").getCallSid();
        sim.sim().media().farEndSends(customer, new ToneGenerator(1000, 0.3));
        sim.sim().media().farEndSends(agent, new ToneGenerator(440, 0.3));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Participant dialIn(String to, String label) {
        return Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber(to))
                .setLabel(label)
                .setConferenceStatusCallback(callback)
                .setConferenceStatusCallbackEvent(List.of("join", "leave", "mute", "modify"))
                .create(sim.client());
    }

    /** The supervisor joins to listen: muted, coaching the agent. */
    private Participant listen() {
        Participant supervisor = Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new PhoneNumber(SUPERVISOR))
                .setLabel("supervisor").setMuted(true).setCoaching(true).setCallSidToCoach(agent)
                .create(sim.client());
        sim.sim().media().farEndSends(supervisor.getCallSid(), new ToneGenerator(1600, 0.3));
        return supervisor;
    }

    /** A tone's share of the last second a party heard (about 1/2 of a two-tone sum, 0 when absent). */
    private double share(String callSid, double frequency) {
        short[] heard = sim.sim().media().farEndHeard(callSid).last(1);
        return heard.length < Codec.SAMPLE_RATE ? 0 : Goertzel.power(heard, 0, heard.length, frequency, Codec.SAMPLE_RATE);
    }

    private boolean hears(String callSid, double frequency) {
        return share(callSid, frequency) > 0.05;
    }

    private boolean silentAt(String callSid, double frequency) {
        return share(callSid, frequency) < 0.01;
    }

    @Test
    void aListeningSupervisorHearsBothSidesAndNobodyHearsTheSupervisor() {
        String supervisor = listen().getCallSid();

        Await.until(() -> hears(supervisor, 1000) && hears(supervisor, 440), AUDIO, () -> "both sides at the supervisor");
        assertThat(silentAt(agent, 1600)).as("the agent does not hear a muted coach").isTrue();
        assertThat(silentAt(customer, 1600)).as("nor does the customer").isTrue();
        assertThat(hears(customer, 440) && hears(agent, 1000)).as("customer and agent still hear each other").isTrue();
    }

    @Test
    void aWhisperIsHeardByTheAgentAloneAndABargeByEveryone() {
        String supervisor = listen().getCallSid();
        Await.until(() -> hears(supervisor, 1000) && hears(supervisor, 440), AUDIO, () -> "both sides at the supervisor");

        Participant.updater(conferenceSid, supervisor).setMuted(false).update(sim.client());

        Await.until(() -> hears(agent, 1600), AUDIO, () -> "the whisper at the agent");
        assertThat(silentAt(customer, 1600)).as("the customer never hears the whisper").isTrue();
        assertThat(hears(agent, 1000)).as("the agent still hears the customer").isTrue();

        Participant barged = Participant.updater(conferenceSid, supervisor).setCoaching(false).update(sim.client());

        assertThat(barged.getCoaching()).isFalse();
        Await.until(() -> hears(customer, 1600), AUDIO, () -> "the barging supervisor at the customer");
        assertThat(hears(agent, 1600)).isTrue();
    }

    @Test
    void coachingIsReportedInTheParticipantAndItsChangesFireTheirCallbacks() {
        Participant supervisor = listen();

        assertThat(supervisor.getCoaching()).isTrue();
        assertThat(supervisor.getCallSidToCoach()).isEqualTo(agent);
        assertThat(supervisor.getMuted()).isTrue();
        Participant.updater(conferenceSid, supervisor.getCallSid()).setMuted(false).update(sim.client());
        Participant.updater(conferenceSid, supervisor.getCallSid()).setCoaching(false).update(sim.client());

        Received unmute = sim.receiver().awaitOne(event("participant-unmute"));
        assertThat(unmute.param("CallSid")).isEqualTo(supervisor.getCallSid());
        assertThat(unmute.param("Coaching")).isEqualTo("true");
        Received modify = sim.receiver().awaitOne(event("participant-modify"));
        assertThat(modify.param("Coaching")).isEqualTo("false");
        assertThat(Participant.fetcher(conferenceSid, supervisor.getCallSid()).fetch(sim.client()).getCoaching()).isFalse();
    }

    @Test
    void coachingWithoutACallToCoachOrOfACallNotInTheConferenceIsRefused() {
        String path = "/2010-04-01/Accounts/" + sim.accountSid() + "/Conferences/" + conferenceSid + "/Participants.json";
        String base = "From=" + enc("+15559990000") + "&To=" + enc(SUPERVISOR);

        assertThat(sim.authed("POST", path, base + "&Coaching=true").statusCode()).isEqualTo(400);
        assertThat(sim.authed("POST", path, base + "&CallSidToCoach=CA00000000000000000000000000000000").statusCode())
                .isEqualTo(400);
        assertThat(sim.authed("POST", path.replace("Participants.json", "Participants/" + customer + ".json"),
                "Coaching=true").statusCode()).isEqualTo(400);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
