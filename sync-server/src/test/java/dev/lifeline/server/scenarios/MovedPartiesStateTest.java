package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5, end to end against twilio-sim: every party moved into the new conference keeps its hold, mute and
 * label, and has the endConferenceOnExit the server's policy gives it (EndConferenceOnExitPolicy: nobody ends a
 * conference with a third party in it, so a flag set on a third party is corrected back before the drop), as
 * Twilio's own participant resources show them afterwards. The held party is held again on its join (no polling),
 * and each party is redirected once.
 */
class MovedPartiesStateTest {

    private RecoveryHarness harness;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aHeldMutedPartyAndATalkingPartyKeepTheirStateInTheNewConference() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String oldConference = harness.world.conferenceOf(customer).orElseThrow();
        String consultant = harness.sim.voice().addParticipant(oldConference, "+15550100000", "+15557770001", "consultant", true);
        String supervisor = harness.sim.voice().addParticipant(oldConference, "+15550100000", "+15557770002", "supervisor-line", true);
        Await.until("both parties are in the conference", () -> harness.world.conferenceOf(consultant).isPresent()
                && harness.world.conferenceOf(supervisor).isPresent());
        harness.sim.voice().hold(consultant, true, null);
        harness.voice.mute(oldConference, consultant, true);
        harness.voice.setEndConferenceOnExit(oldConference, supervisor, true);
        // The drop's snapshot is what the engine knows: wait until it has heard of every change (and corrected the
        // flag no third party may keep).
        awaitEngineSees(oldConference, consultant, p -> p.present() && p.hold() && p.muted());
        Await.until("the supervisor line's endConferenceOnExit is corrected back",
                () -> Boolean.FALSE.equals(participant(oldConference, supervisor).get("endConferenceOnExit")));
        awaitEngineSees(oldConference, supervisor, p -> p.present() && !p.endConferenceOnExit() && !p.hold());

        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Reservation reconnect = harness.agents.awaitPendingReservation("alice",
                t -> t.attributesJson().contains("\"isReconnect\":true") && t.attributesJson().contains(pinging.incidentId()));
        harness.agents.acceptVoice("alice", reconnect);

        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("both parties are with the customer in the new conference", () -> {
            Optional<String> now = harness.world.conferenceOf(customer);
            return now.isPresent() && !now.get().equals(oldConference) && now.equals(harness.world.conferenceOf(consultant))
                    && now.equals(harness.world.conferenceOf(supervisor));
        });
        String newConference = harness.world.conferenceOf(customer).orElseThrow();
        Map<String, Object> held = participant(newConference, consultant);
        assertThat(held).containsEntry("label", "consultant").containsEntry("hold", true).containsEntry("muted", true)
                .containsEntry("endConferenceOnExit", false);
        Map<String, Object> ending = participant(newConference, supervisor);
        assertThat(ending).containsEntry("label", "supervisor-line").containsEntry("hold", false)
                .containsEntry("muted", false).containsEntry("endConferenceOnExit", false);
        Await.until("the customer does not end a conference with third parties in it either",
                () -> Boolean.FALSE.equals(participant(newConference, customer).get("endConferenceOnExit")));
        assertThat(harness.sim.voice().effects(consultant)).containsEntry("redirect", 1);
        assertThat(harness.sim.voice().effects(supervisor)).containsEntry("redirect", 1);
    }

    private void awaitEngineSees(String conferenceSid, String callSid, Predicate<Participant> state) {
        Await.until("the engine knows the state of " + callSid, () -> harness.cluster.liveEngine().conference(conferenceSid)
                .flatMap(record -> record.participant(callSid)).map(state::test).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> participant(String conferenceSid, String callSid) {
        for (Map<String, Object> conference : harness.world.conferences()) {
            if (conferenceSid.equals(conference.get("sid"))) {
                for (Map<String, Object> p : (List<Map<String, Object>>) conference.get("participants")) {
                    if (callSid.equals(p.get("callSid"))) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError(callSid + " is not in " + conferenceSid);
    }
}
