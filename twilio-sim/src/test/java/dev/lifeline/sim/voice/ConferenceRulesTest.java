package dev.lifeline.sim.voice;

import static dev.lifeline.sim.testsupport.WebhookReceiver.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conference start/end rules and the status callbacks they produce (twilio-api.md §1). */
class ConferenceRulesTest {

    private static final List<String> ALL_EVENTS =
            List.of("start", "end", "join", "leave", "mute", "hold", "modify", "announcement");

    private SimFixture sim;
    private String callback;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        callback = sim.receiver().url("/conference-events");
        for (String address : List.of("+15550000001", "+15550000002", "+15550000003")) {
            sim.sim().voice().registerAutoAnswer(address, Duration.ZERO);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Participant dialIn(String room, String to, String label, boolean endConferenceOnExit) {
        return Participant.creator(room, new PhoneNumber("+15559990000"), new PhoneNumber(to))
                .setLabel(label)
                .setEndConferenceOnExit(endConferenceOnExit)
                .setConferenceStatusCallback(callback)
                .setConferenceStatusCallbackEvent(ALL_EVENTS)
                .create(sim.client());
    }

    @Test
    void theConferenceStartsWhenTheSecondParticipantJoinsAndEndsWhenTheLastOneLeaves() {
        Participant customer = dialIn("room", "+15550000001", "customer", false);
        Participant agent = dialIn("room", "+15550000002", "agent", false);

        sim.receiver().awaitOne(event("conference-start"));
        sim.sim().voice().hangUp(customer.getCallSid());
        sim.sim().voice().hangUp(agent.getCallSid());

        Received end = sim.receiver().awaitOne(event("conference-end"));
        assertThat(end.param("ReasonConferenceEnded")).isEqualTo("last-participant-left");
        assertThat(end.param("CallSidEndingConference")).isEqualTo(agent.getCallSid());
        assertThat(end.param("ParticipantLabelEndingConference")).isEqualTo("agent");
        assertThat(sim.receiver().matching(event("participant-join"))).hasSize(2);
        assertThat(sim.receiver().matching(event("participant-leave")))
                .allSatisfy(leave -> {
                    assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
                    assertThat(leave.param("ParticipantCallStatus")).isEqualTo("completed");
                });
    }

    @Test
    void aParticipantWithEndConferenceOnExitTakesEveryoneOutWhenItLeaves() {
        Participant customer = dialIn("room", "+15550000001", "customer", true);
        Participant agent = dialIn("room", "+15550000002", "agent", false);

        sim.sim().voice().hangUp(customer.getCallSid());

        Received end = sim.receiver().awaitOne(event("conference-end"));
        assertThat(end.param("ReasonConferenceEnded")).isEqualTo("participant-with-end-conference-on-exit-left");
        assertThat(end.param("CallSidEndingConference")).isEqualTo(customer.getCallSid());
        assertThat(end.param("ParticipantLabelEndingConference")).isEqualTo("customer");
        assertThat(end.param("Reason")).isNotBlank();
        Received agentLeave = sim.receiver().matching(event("participant-leave")).stream()
                .filter(r -> agent.getCallSid().equals(r.param("CallSid"))).findFirst().orElseThrow();
        assertThat(agentLeave.param("ReasonParticipantLeft")).isEqualTo("moderator_ended_conference");
        assertThat(agentLeave.param("ParticipantCallStatus")).isEqualTo("completed");
        assertThat(Call.fetcher(agent.getCallSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.COMPLETED);
    }

    @Test
    void theFirstParticipantsCallbackSettingsWinAndLaterOnesAreIgnored() {
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setConferenceStatusCallback(callback).setConferenceStatusCallbackEvent(List.of("join"))
                .create(sim.client());
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000002"))
                .setConferenceStatusCallback(sim.receiver().url("/second"))
                .setConferenceStatusCallbackEvent(ALL_EVENTS)
                .create(sim.client());

        sim.receiver().await(event("participant-join"), 2, Duration.ofSeconds(5));
        sim.awaitWebhooksIdle();

        assertThat(sim.receiver().all()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/conference-events"));
        assertThat(sim.receiver().matching(event("conference-start"))).isEmpty();
    }

    @Test
    void sequenceNumbersIncreaseAndEveryCallbackCarriesTheDocumentedParameters() {
        Participant customer = dialIn("room", "+15550000001", "customer", false);
        dialIn("room", "+15550000002", "agent", false);
        Participant.updater(customer.getConferenceSid(), "customer").setHold(true).update(sim.client());
        Conference.updater(customer.getConferenceSid()).setStatus(Conference.UpdateStatus.COMPLETED).update(sim.client());

        sim.receiver().awaitOne(event("conference-end"));
        sim.awaitWebhooksIdle();
        List<Received> all = sim.receiver().all();

        assertThat(all).extracting(r -> Integer.parseInt(r.param("SequenceNumber")))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(all).extracting(r -> r.param("StatusCallbackEvent")).containsExactly(
                "participant-join", "participant-join", "conference-start", "participant-hold",
                "participant-leave", "participant-leave", "conference-end");
        DateTimeFormatter sdkPattern = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.param("ConferenceSid")).isEqualTo(customer.getConferenceSid());
            assertThat(r.param("FriendlyName")).isEqualTo("room");
            assertThat(r.param("AccountSid")).isEqualTo(sim.accountSid());
            assertThat(ZonedDateTime.parse(r.param("Timestamp"), sdkPattern)).isNotNull();
        });
        Received hold = sim.receiver().awaitOne(event("participant-hold"));
        assertThat(hold.form()).containsKeys("CallSid", "Muted", "Hold", "Coaching", "EndConferenceOnExit",
                "StartConferenceOnEnter", "ParticipantLabel");
        assertThat(hold.param("Hold")).isEqualTo("true");
        assertThat(hold.param("ParticipantLabel")).isEqualTo("customer");
        Received end = sim.receiver().awaitOne(event("conference-end"));
        assertThat(end.param("ReasonConferenceEnded")).isEqualTo("conference-ended-via-api");
        assertThat(sim.receiver().matching(event("participant-leave")))
                .allSatisfy(r -> assertThat(r.param("ReasonParticipantLeft")).isEqualTo("conference_ended_via_api"));
    }

    @Test
    void holdMuteModifyAndAnnouncementUpdatesEachFireTheirCallback() {
        Participant customer = dialIn("room", "+15550000001", "customer", false);
        dialIn("room", "+15550000002", "agent", false);
        String conference = customer.getConferenceSid();

        Participant.updater(conference, "customer").setHold(true).setHoldUrl("http://example.com/music").update(sim.client());
        Participant.updater(conference, "customer").setHold(false).update(sim.client());
        Participant.updater(conference, "customer").setMuted(true).update(sim.client());
        Participant.updater(conference, "customer").setMuted(false).update(sim.client());
        Participant.updater(conference, "agent").setEndConferenceOnExit(true).update(sim.client());
        Participant.updater(conference, "agent").setEndConferenceOnExit(true).update(sim.client()); // no change
        Participant.updater(conference, "customer").setAnnounceUrl("http://example.com/sorry.mp3").update(sim.client());
        Conference.updater(conference).setAnnounceUrl("http://example.com/all.mp3").update(sim.client());

        sim.receiver().await(event("announcement-end"), 2, Duration.ofSeconds(5));
        sim.awaitWebhooksIdle();
        assertThat(sim.receiver().all()).extracting(r -> r.param("StatusCallbackEvent")).containsSubsequence(
                "participant-hold", "participant-unhold", "participant-mute", "participant-unmute",
                "participant-modify", "announcement-end", "announcement-end");
        assertThat(sim.receiver().matching(event("participant-modify"))).singleElement()
                .satisfies(r -> assertThat(r.param("EndConferenceOnExit")).isEqualTo("true"));
        List<Received> announcements = sim.receiver().matching(event("announcement-end"));
        assertThat(announcements.get(0).param("CallSid")).isEqualTo(customer.getCallSid());
        assertThat(announcements.get(0).param("AnnounceUrl")).isEqualTo("http://example.com/sorry.mp3");
        assertThat(announcements.get(1).param("CallSid")).isNull();
    }

    @Test
    void eventWordsMayAlsoBeSentAsOneSpaceSeparatedField() {
        String body = "From=%2B15559990000&To=%2B15550000001&Label=customer"
                + "&ConferenceStatusCallback=" + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8)
                + "&ConferenceStatusCallbackEvent=join+leave";
        assertThat(sim.authed("POST", "/2010-04-01/Accounts/" + sim.accountSid() + "/Conferences/room/Participants.json",
                body).statusCode()).isEqualTo(201);

        sim.receiver().awaitOne(event("participant-join"));
    }

    @Test
    void aCustomerPutOutOfAnEndedConferenceContinuesWithItsNextVerb() {
        String customer = sim.sim().voice().inboundCall("+15551112222", "+15550100000",
                "<Response><Dial><Conference statusCallback=\"" + callback + "\" statusCallbackEvent=\"leave end\">"
                        + "room</Conference></Dial><Pause length=\"5\"/><Hangup/></Response>");
        String conference = Conference.reader().setFriendlyName("room").read(sim.client()).iterator().next().getSid();

        Conference.updater(conference).setStatus(Conference.UpdateStatus.COMPLETED).update(sim.client());

        Received leave = sim.receiver().awaitOne(event("participant-leave"));
        assertThat(leave.param("ParticipantCallStatus")).isEqualTo("in-progress");
        assertThat(sim.sim().voice().callStatus(customer)).isEqualTo("in-progress");
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.sim().voice().callStatus(customer)).isEqualTo("completed");
    }

    @Test
    void aDialledParticipantThatNeverAnswersLeavesWithParticipantAddFailed() {
        dialIn("room", "+15550000001", "customer", false);
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550009999"))
                .setLabel("nobody").setTimeout(10).create(sim.client());

        sim.advance(Duration.ofSeconds(10));

        Received leave = sim.receiver().awaitOne(event("participant-leave"));
        assertThat(leave.param("ParticipantLabel")).isEqualTo("nobody");
        assertThat(leave.param("ParticipantCallStatus")).isEqualTo("no-answer");
        assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_add_failed");
    }

    @Test
    void whenTheLastParticipantInLeavesAPartyStillBeingDialledIsCalledOff() {
        Participant customer = dialIn("room", "+15550000001", "customer", false);
        Participant ringing = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550009999"))
                .setLabel("late").create(sim.client());

        sim.sim().voice().hangUp(customer.getCallSid());

        Received end = sim.receiver().awaitOne(event("conference-end"));
        assertThat(end.param("ReasonConferenceEnded")).isEqualTo("last-participant-left");
        assertThat(sim.sim().voice().callStatus(ringing.getCallSid())).isEqualTo("canceled");
        Received lateLeave = sim.receiver().awaitOne(r -> "participant-leave".equals(r.param("StatusCallbackEvent"))
                && "late".equals(r.param("ParticipantLabel")));
        assertThat(lateLeave.param("ReasonParticipantLeft")).isEqualTo("participant_add_failed");
    }
}
