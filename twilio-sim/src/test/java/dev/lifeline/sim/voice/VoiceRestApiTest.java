package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.base.ResourceSet;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.Client;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.lifeline.sim.testsupport.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real twilio-java SDK creates, fetches, updates and lists Calls, Conferences and Participants. */
class VoiceRestApiTest {

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
        sim.sim().voice().registerAutoAnswer("client:bob", Duration.ZERO);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Call callIntoConference(String to, String room) {
        return Call.creator(new PhoneNumber(to), new PhoneNumber("+15559990000"),
                new Twiml("<Response><Dial><Conference>" + room + "</Conference></Dial></Response>"))
                .create(sim.client());
    }

    @Test
    void anOutboundCallIsCreatedFetchedAndParsedWithDatesAndEnums() {
        Call created = callIntoConference("+15550000001", "room-1");

        assertThat(created.getSid()).startsWith("CA").hasSize(34);
        assertThat(created.getDateCreated()).isNotNull();
        // Twilio answers a create with the call queued, whatever happens to it next
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);

        Call fetched = Call.fetcher(created.getSid()).fetch(sim.client());
        assertThat(fetched.getStatus()).isEqualTo(Call.Status.IN_PROGRESS);
        assertThat(fetched.getStartTime()).isNotNull();
        assertThat(fetched.getDateUpdated()).isNotNull();
        assertThat(fetched.getDirection()).isEqualTo("outbound-api");
        assertThat(fetched.getTo()).isEqualTo("+15550000001");
    }

    @Test
    void anUnansweredCallRingsUntilItsTimeoutOnTheSimClockThenIsNoAnswer() {
        Call created = Call.creator(new PhoneNumber("+15550000777"), new PhoneNumber("+15559990000"),
                new Twiml("<Response><Hangup/></Response>")).setTimeout(20).create(sim.client());
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);
        assertThat(Call.fetcher(created.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.RINGING);

        sim.advance(Duration.ofSeconds(19));
        assertThat(Call.fetcher(created.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.RINGING);
        sim.advance(Duration.ofSeconds(1));

        assertThat(Call.fetcher(created.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.NO_ANSWER);
    }

    @Test
    void conferencesAreFetchedListedAndEndedThroughTheApi() {
        Call call = callIntoConference("+15550000001", "room-2");
        Conference conference = Conference.reader().setFriendlyName("room-2").read(sim.client()).iterator().next();

        assertThat(conference.getStatus()).isEqualTo(Conference.Status.INIT);
        assertThat(conference.getDateCreated()).isNotNull();
        Conference fetched = Conference.fetcher(conference.getSid()).fetch(sim.client());
        assertThat(fetched.getFriendlyName()).isEqualTo("room-2");

        Conference ended = Conference.updater(conference.getSid()).setStatus(Conference.UpdateStatus.COMPLETED)
                .update(sim.client());

        assertThat(ended.getStatus()).isEqualTo(Conference.Status.COMPLETED);
        assertThat(ended.getReasonConferenceEnded()).isEqualTo(Conference.ReasonConferenceEnded.CONFERENCE_ENDED_VIA_API);
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.COMPLETED);
    }

    @Test
    void endingAConferenceThatIsAlreadyOverIsA400SayingItIsNotInProgress() {
        callIntoConference("+15550000001", "room-over");
        Conference conference = Conference.reader().setFriendlyName("room-over").read(sim.client()).iterator().next();
        Conference.updater(conference.getSid()).setStatus(Conference.UpdateStatus.COMPLETED).update(sim.client());

        assertThatThrownBy(() -> Conference.updater(conference.getSid()).setStatus(Conference.UpdateStatus.COMPLETED)
                .update(sim.client()))
                .isInstanceOfSatisfying(com.twilio.exception.ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not in progress");
                });
    }

    @Test
    void conferencesAreListedByStatus() {
        callIntoConference("+15550000001", "room-live");
        sim.sim().voice().registerAutoAnswer("+15550000002", Duration.ZERO);
        callIntoConference("+15550000002", "room-live");
        callIntoConference("+15550000001", "room-done");
        Conference done = Conference.reader().setFriendlyName("room-done").read(sim.client()).iterator().next();
        Conference.updater(done.getSid()).setStatus(Conference.UpdateStatus.COMPLETED).update(sim.client());

        List<String> live = new ArrayList<>();
        Conference.reader().setStatus(Conference.Status.IN_PROGRESS).read(sim.client())
                .forEach(c -> live.add(c.getFriendlyName()));

        assertThat(live).containsExactly("room-live");
    }

    @Test
    void participantsAreDialledInFetchedByLabelWithASpaceUpdatedListedAndKicked() {
        callIntoConference("+15550000001", "room-3");
        String conferenceSid = Conference.reader().setFriendlyName("room-3").read(sim.client()).iterator().next().getSid();

        Participant created = Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new Client("bob"))
                .setLabel("agent 1").setEndConferenceOnExit(false).create(sim.client());
        assertThat(created.getCallSid()).startsWith("CA");
        assertThat(created.getStatus()).isEqualTo(Participant.Status.CONNECTED);
        assertThat(created.getDateCreated()).isNotNull();

        Participant byLabel = Participant.fetcher(conferenceSid, "agent 1").fetch(sim.client());
        assertThat(byLabel.getCallSid()).isEqualTo(created.getCallSid());
        assertThat(Conference.fetcher(conferenceSid).fetch(sim.client()).getStatus())
                .isEqualTo(Conference.Status.IN_PROGRESS);

        Participant held = Participant.updater(conferenceSid, "agent 1").setHold(true)
                .setHoldUrl("http://example.com/hold?x=1").setMuted(true).setEndConferenceOnExit(true)
                .setCoaching(false).setAnnounceUrl("http://example.com/announce.mp3").update(sim.client());
        assertThat(held.getHold()).isTrue();
        assertThat(held.getMuted()).isTrue();
        assertThat(held.getEndConferenceOnExit()).isTrue();

        List<Participant> listed = new ArrayList<>();
        Participant.reader(conferenceSid).read(sim.client()).forEach(listed::add);
        assertThat(listed).extracting(Participant::getLabel).containsExactlyInAnyOrder(null, "agent 1");
        ResourceSet<Participant> onHold = Participant.reader(conferenceSid).setHold(true).read(sim.client());
        assertThat(onHold.iterator().next().getCallSid()).isEqualTo(created.getCallSid());

        assertThat(Participant.deleter(conferenceSid, created.getCallSid()).delete(sim.client())).isTrue();

        assertThat(Call.fetcher(created.getCallSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.COMPLETED);
        // it had endConferenceOnExit=true when kicked: the conference is over
        Conference after = Conference.fetcher(conferenceSid).fetch(sim.client());
        assertThat(after.getStatus()).isEqualTo(Conference.Status.COMPLETED);
        assertThat(after.getReasonConferenceEnded())
                .isEqualTo(Conference.ReasonConferenceEnded.PARTICIPANT_WITH_END_CONFERENCE_ON_EXIT_KICKED);
        assertThat(after.getCallSidEndingConference()).isEqualTo(created.getCallSid());
    }

    @Test
    void aLabelHeldByAnActiveOrRingingParticipantRefusesASecondCreateWith16026UntilItsHolderLeaves() {
        callIntoConference("+15550000001", "room-labels");
        String conferenceSid = Conference.reader().setFriendlyName("room-labels").read(sim.client()).iterator().next()
                .getSid();
        Participant first = Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new Client("bob"))
                .setLabel("alice").create(sim.client());
        // Nobody answers client:carol (row 62): the participant rings, and holds its label meanwhile.
        Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new Client("carol"))
                .setLabel("ringing").create(sim.client());

        for (String label : List.of("alice", "ringing")) {
            assertThatThrownBy(() -> Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new Client("bob"))
                    .setLabel(label).create(sim.client()))
                    .isInstanceOfSatisfying(com.twilio.exception.ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getCode()).isEqualTo(16026);
                    });
        }

        assertThat(Participant.deleter(conferenceSid, first.getCallSid()).delete(sim.client())).isTrue();
        Participant again = Participant.creator(conferenceSid, new PhoneNumber("+15559990000"), new Client("bob"))
                .setLabel("alice").create(sim.client());
        assertThat(again.getCallSid()).as("the label is free once its holder left").isNotEqualTo(first.getCallSid());
    }

    @Test
    void aParticipantCreatedByFriendlyNameCreatesTheConference() {
        Participant created = Participant.creator("support-room", new PhoneNumber("+15559990000"),
                new PhoneNumber("+15550000001")).setLabel("customer").create(sim.client());

        Conference conference = Conference.fetcher(created.getConferenceSid()).fetch(sim.client());
        assertThat(conference.getFriendlyName()).isEqualTo("support-room");
        assertThat(conference.getStatus()).isEqualTo(Conference.Status.INIT);
    }

    @Test
    void aCallUpdatedWithTwimlMovesIntoTheNamedConferenceAndCanThenBeCompleted() {
        Call call = callIntoConference("+15550000001", "room-a");

        Call redirected = Call.updater(call.getSid())
                .setTwiml("<Response><Dial><Conference participantLabel=\"customer\" endConferenceOnExit=\"true\">room-b"
                        + "</Conference></Dial></Response>")
                .update(sim.client());
        assertThat(redirected.getStatus()).isEqualTo(Call.Status.IN_PROGRESS);

        Conference roomA = Conference.reader().setFriendlyName("room-a").read(sim.client()).iterator().next();
        assertThat(roomA.getStatus()).isEqualTo(Conference.Status.COMPLETED);
        Conference roomB = Conference.reader().setFriendlyName("room-b").read(sim.client()).iterator().next();
        Participant customer = Participant.fetcher(roomB.getSid(), "customer").fetch(sim.client());
        assertThat(customer.getEndConferenceOnExit()).isTrue();

        Call completed = Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(sim.client());

        assertThat(completed.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(completed.getEndTime()).isNotNull();
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("redirect", 1).containsEntry("update", 2);
    }

    @Test
    void callsAreListedNewestFirstAndFilteredByStatus() {
        callIntoConference("+15550000001", "room-l1");
        Call ringing = Call.creator(new PhoneNumber("+15550000888"), new PhoneNumber("+15559990000"),
                new Twiml("<Response><Hangup/></Response>")).create(sim.client());

        List<Call> ringingCalls = new ArrayList<>();
        Call.reader().setStatus(Call.Status.RINGING).read(sim.client()).forEach(ringingCalls::add);
        List<Call> all = new ArrayList<>();
        Call.reader().read(sim.client()).forEach(all::add);

        assertThat(ringingCalls).extracting(Call::getSid).containsExactly(ringing.getSid());
        assertThat(all).hasSize(2);
    }

    @Test
    void theSdkFollowsNextPageUrisThroughEveryPage() {
        for (int i = 0; i < 5; i++) {
            callIntoConference("+15550000001", "paged-" + i);
        }

        List<Conference> all = new ArrayList<>();
        Conference.reader().pageSize(2).read(sim.client()).forEach(all::add);

        assertThat(all).hasSize(5);
        assertThat(all).extracting(Conference::getFriendlyName).doesNotHaveDuplicates();
    }
}
