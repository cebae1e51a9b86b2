package dev.lifeline.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.Samples;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.reservation.ReservationView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A desktop must keep working against a newer server that sends members it has never heard of. */
class ForwardCompatibilityTest {

    private final JsonCodec codec = JsonCodec.shared();

    @Test
    void unknownTopLevelMembersOfAnEventAreIgnored() {
        String json = "{\"type\":\"session-expiring\",\"expiresAt\":\"2026-11-25T21:10:00Z\","
                + "\"graceSeconds\":30,\"hint\":{\"renewAt\":\"2026-11-25T21:09:00Z\"}}";

        ServerEvent event = codec.decode(json, ServerEvent.class);

        assertThat(event).isEqualTo(new dev.lifeline.model.event.SessionExpiring(
                java.time.Instant.parse("2026-11-25T21:10:00Z")));
    }

    @Test
    void unknownMembersNestedDeepInASnapshotAreIgnored() {
        StateSnapshot original = (StateSnapshot) Samples.serverEvents().get(0);
        String json = codec.encode(original)
                .replace("\"identity\":\"alice\"", "\"identity\":\"alice\",\"skills\":[\"billing\"],\"site\":{\"id\":7}")
                .replace("\"reservationSid\":\"" + Samples.RESERVATION + "\"",
                        "\"reservationSid\":\"" + Samples.RESERVATION + "\",\"priorityBoost\":3")
                .replace("\"phase\":\"PINGING\"", "\"phase\":\"PINGING\",\"region\":\"eu-west\"");
        assertThat(json).contains("\"skills\"", "\"priorityBoost\"", "\"region\"");

        ServerEvent decoded = codec.decode(json, ServerEvent.class);

        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void optionalMembersAnOlderServerDoesNotSendDecodeAsAbsent() {
        String json = "{\"reservationSid\":\"WR1\",\"taskSid\":\"WT1\",\"workerSid\":\"WK1\",\"status\":\"accepted\","
                + "\"channel\":\"voice\",\"createdAt\":\"2026-11-25T21:00:00Z\","
                + "\"isRecoveryPing\":false,\"isReconnect\":false}";

        ReservationView reservation = codec.decode(json, ReservationView.class);

        assertThat(reservation.customerLabel()).isNull();
        assertThat(reservation.ringDeadline()).isNull();
        assertThat(reservation.incidentId()).isNull();
    }

    @Test
    void missingListsDecodeAsEmptyLists() {
        String json = codec.encode(Samples.serverEvents().get(0))
                .replaceFirst("\"reservations\":\\[.*?\\],\"tasks\"", "\"tasks\"");
        assertThat(json).doesNotContain("\"reservations\"");

        StateSnapshot snapshot = (StateSnapshot) codec.decode(json, ServerEvent.class);

        assertThat(snapshot.reservations()).isEqualTo(List.of());
    }

    @Test
    void aQueueSnapshotFromAServerWithoutStatisticsDecodesAsAnHourWithNoRecovery() {
        QueueSnapshot withStatistics = Samples.queueSnapshot();
        String json = codec.encode(withStatistics).replaceFirst(",\"statistics\":\\{.*\\}\\}$", "}");
        assertThat(json).doesNotContain("\"statistics\"");

        QueueSnapshot snapshot = codec.decode(json, QueueSnapshot.class);

        assertThat(snapshot.statistics().finishedByOutcome()).isEmpty();
        assertThat(snapshot.statistics().timeToReconnectP50()).isNull();
        assertThat(snapshot.statistics().since()).isEqualTo(withStatistics.takenAt().minus(QueueSnapshot.STATISTICS_WINDOW));
    }

    @Test
    void unknownMembersOfACommandAreIgnored() {
        String json = "{\"type\":\"mute\",\"conferenceSid\":\"CF1\",\"callSid\":\"CA1\",\"muted\":true,\"by\":\"keyboard\"}";

        assertThat(codec.decode(json, ClientCommand.class)).isEqualTo(new MuteParticipant("CF1", "CA1", true));
    }
}
