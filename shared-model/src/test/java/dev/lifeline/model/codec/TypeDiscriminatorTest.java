package dev.lifeline.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.Samples;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.SessionExpiring;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.event.TaskChanged;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code type} names are the wire contract between server and desktop; this table is their documentation and
 * the test fails if code renames one. A changed name must be changed here on purpose (and in both peers).
 */
class TypeDiscriminatorTest {

    static final Map<Class<?>, String> DOCUMENTED_NAMES = Map.ofEntries(
            Map.entry(StateSnapshot.class, "snapshot"),
            Map.entry(ReservationOffered.class, "reservation-offered"),
            Map.entry(ReservationChanged.class, "reservation-changed"),
            Map.entry(ReservationRescinded.class, "reservation-rescinded"),
            Map.entry(TaskChanged.class, "task-changed"),
            Map.entry(ConferenceChanged.class, "conference-changed"),
            Map.entry(IncidentChanged.class, "incident-changed"),
            Map.entry(QueueSnapshotChanged.class, "queue-snapshot"),
            Map.entry(ActivityChanged.class, "activity-changed"),
            Map.entry(SessionExpiring.class, "session-expiring"),
            Map.entry(ProblemReported.class, "error"),
            Map.entry(AcceptReservation.class, "accept"),
            Map.entry(RejectReservation.class, "reject"),
            Map.entry(HangUp.class, "hangup"),
            Map.entry(HoldParticipant.class, "hold"),
            Map.entry(UnholdParticipant.class, "unhold"),
            Map.entry(MuteParticipant.class, "mute"),
            Map.entry(WrapUpTask.class, "wrap-up"),
            Map.entry(CompleteTask.class, "complete"),
            Map.entry(SetActivity.class, "set-activity"),
            Map.entry(Heartbeat.class, "heartbeat"),
            Map.entry(CancelIncident.class, "cancel-incident"),
            Map.entry(dev.lifeline.model.command.PhoneReady.class, "phone-ready"),
            Map.entry(dev.lifeline.model.command.LegAbandoned.class, "leg-abandoned"),
            Map.entry(dev.lifeline.model.command.AddParty.class, "add-party"),
            Map.entry(dev.lifeline.model.command.RemoveParty.class, "remove-party"),
            Map.entry(dev.lifeline.model.command.TransferCall.class, "transfer"),
            Map.entry(dev.lifeline.model.command.CompleteTransfer.class, "complete-transfer"),
            Map.entry(dev.lifeline.model.command.CancelTransfer.class, "cancel-transfer"));

    static Stream<Object> eventsAndCommands() {
        return Stream.concat(Samples.serverEvents().stream(), Samples.clientCommands().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAndCommands")
    void theJsonStartsWithTheDocumentedTypeName(Object message) {
        String json = JsonCodec.shared().encode(message);

        assertThat(json).startsWith("{\"type\":\"" + DOCUMENTED_NAMES.get(message.getClass()) + "\",");
    }

    @Test
    void everyEventAndCommandHasADocumentedName() {
        Stream.of(ServerEvent.class, ClientCommand.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .forEach(type -> assertThat(DOCUMENTED_NAMES).as("documented type names").containsKey(type));
    }

    @Test
    void aCommandBodyWithoutTypeDecodesAsTheConcreteCommandARouteExpects() {
        AcceptReservation accept = JsonCodec.shared().decode("{\"reservationSid\":\"WR1\"}", AcceptReservation.class);

        assertThat(accept).isEqualTo(new AcceptReservation("WR1"));
    }
}
