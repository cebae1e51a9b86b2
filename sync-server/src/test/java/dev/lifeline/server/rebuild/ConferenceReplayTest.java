package dev.lifeline.server.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.twilio.ParticipantState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rebuilt conference record must let a later drop of the agent's leg open an incident, as the lost one would. */
class ConferenceReplayTest {

    private static final WorkerAssignment ALICE = new WorkerAssignment("WKalice", "alice", "WR1", "WT1", "WWvoice",
            TaskAttributes.of(Map.of("call_sid", "CAcust")));
    private static final List<ParticipantState> IN_CONFERENCE = List.of(
            new ParticipantState("CAcust", "customer", false, false, true, "connected"),
            new ParticipantState("CAalice", "alice", false, false, false, "connected"),
            new ParticipantState("CAsup", "supervisor-line", true, true, false, "connected"));

    @Test
    void theAgentLegIsRegisteredWithItsAssignmentAndTheOthersKeepTheirFlags() {
        ConferenceRecord record = ConferenceReplay.rebuild("CF1", "CAcust", IN_CONFERENCE, ALICE, "alice", null);

        assertThat(record.customerCallSid()).isEqualTo("CAcust");
        assertThat(record.customerPresent()).isTrue();
        assertThat(record.participant("CAalice").orElseThrow().role()).isEqualTo(PartyRole.WORKER);
        assertThat(record.participant("CAalice").orElseThrow().worker()).isEqualTo(ALICE);
        assertThat(record.participant("CAsup").orElseThrow().role()).isEqualTo(PartyRole.EXTERNAL);
        assertThat(record.participant("CAsup").orElseThrow().hold()).isTrue();
        assertThat(record.participant("CAsup").orElseThrow().muted()).isTrue();
        assertThat(record.version()).as("the lowest version: any surviving copy is newer").isZero();
    }

    @Test
    void aConferenceWhoseAgentAlreadyDroppedNamesTheIncidentRecoveringIt() {
        ConferenceRecord record = ConferenceReplay.rebuild("CF1", "CAcust", List.of(IN_CONFERENCE.get(0)), ALICE, "alice",
                "CF1:CAalice");

        assertThat(record.recoveringIncidentId()).isEqualTo("CF1:CAalice");
        assertThat(record.participants()).containsOnlyKeys("CAcust");
    }

    @Test
    void withoutAnAcceptedReservationNoLegIsTakenForTheAgent() {
        ConferenceRecord record = ConferenceReplay.rebuild("CF1", "CAcust", IN_CONFERENCE, null, null, null);

        assertThat(record.participants().values()).noneMatch(party -> party.role() == PartyRole.WORKER);
    }
}
