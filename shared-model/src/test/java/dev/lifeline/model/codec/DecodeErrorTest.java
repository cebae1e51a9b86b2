package dev.lifeline.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifeline.model.Samples;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.incident.IncidentView;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad JSON fails with a {@link CodecException} whose message a person can act on: it names the field by its path
 * and says what was expected and what was found, without Jackson's internals.
 */
class DecodeErrorTest {

    private final JsonCodec codec = JsonCodec.shared();

    static Stream<Arguments> badDocuments() {
        String snapshot = JsonCodec.shared().encode(Samples.serverEvents().get(0));
        String incidentEvent = JsonCodec.shared().encode(Samples.serverEvents().get(6));
        String incident = JsonCodec.shared().encode(Samples.incident());
        return Stream.of(
                Arguments.of("malformed JSON", "{\"type\":\"accept\",}", ClientCommand.class,
                        "malformed JSON at line 1, column 18"),
                Arguments.of("malformed JSON on a later line", "{\n  \"type\": \"accept\"\n  \"reservationSid\": \"WR1\"\n}",
                        ClientCommand.class, "malformed JSON at line 3, column 3"),
                Arguments.of("truncated JSON", "{\"type\":\"accept\",\"reservationSid\":\"WR1\"", ClientCommand.class,
                        "malformed JSON: the document ends too early at line 1, column 40"),
                Arguments.of("empty document", "   ", ClientCommand.class, "malformed JSON: the document is empty"),
                Arguments.of("content after the document", "{\"type\":\"accept\",\"reservationSid\":\"WR1\"} {}",
                        ClientCommand.class, "malformed JSON: unexpected content after the document at line 1, column 42"),
                Arguments.of("missing required string", "{\"type\":\"accept\"}", ClientCommand.class,
                        "reservationSid: missing required field"),
                Arguments.of("null required string", "{\"type\":\"accept\",\"reservationSid\":null}", ClientCommand.class,
                        "reservationSid: missing required field"),
                Arguments.of("blank required string", "{\"type\":\"accept\",\"reservationSid\":\"  \"}", ClientCommand.class,
                        "reservationSid: must not be blank"),
                Arguments.of("missing required field deep inside a list",
                        snapshot.replaceFirst("\"reservationSid\":\"WR0+2\",", ""), ServerEvent.class,
                        "reservations[1].reservationSid: missing required field"),
                Arguments.of("missing primitive", "{\"type\":\"mute\",\"conferenceSid\":\"CF1\",\"callSid\":\"CA1\"}",
                        ClientCommand.class, "muted: missing required field"),
                Arguments.of("null primitive", "{\"type\":\"mute\",\"conferenceSid\":\"CF1\",\"callSid\":\"CA1\",\"muted\":null}",
                        ClientCommand.class, "muted: expected true or false but got null"),
                Arguments.of("string for a boolean", "{\"type\":\"mute\",\"conferenceSid\":\"CF1\",\"callSid\":\"CA1\",\"muted\":\"yes\"}",
                        ClientCommand.class, "muted: expected true or false but got the string \"yes\""),
                Arguments.of("word for a number", incident.replace("\"attempt\":1", "\"attempt\":\"two\""),
                        IncidentView.class, "attempt: expected a number but got the string \"two\""),
                Arguments.of("digits in a string for a number", incident.replace("\"attempt\":1", "\"attempt\":\"2\""),
                        IncidentView.class, "attempt: expected a number but got the string \"2\""),
                Arguments.of("fraction for a whole number", incident.replace("\"attempt\":1", "\"attempt\":1.5"),
                        IncidentView.class, "attempt: expected a whole number but got the number 1.5"),
                Arguments.of("wrong type nested in an event", incidentEvent.replace("\"attempt\":1", "\"attempt\":\"two\""),
                        ServerEvent.class, "incident.attempt: expected a number but got the string \"two\""),
                Arguments.of("number where an object belongs", "{\"type\":\"activity-changed\",\"agent\":5}",
                        ServerEvent.class, "agent: expected an object but got the number 5"),
                Arguments.of("object where a list belongs", snapshot.replaceFirst("\"reservations\":\\[", "\"reservations\":{\"x\":[")
                                .replaceFirst("],\"tasks\"", "]},\"tasks\""),
                        ServerEvent.class, "reservations: expected an array but got an object"),
                Arguments.of("unknown command type", "{\"type\":\"dance\",\"reservationSid\":\"WR1\"}", ClientCommand.class,
                        "type: unknown command type \"dance\" (known: accept, reject, hangup, hold, unhold, mute, "
                                + "wrap-up, complete, set-activity, heartbeat, cancel-incident, phone-ready, leg-abandoned, add-party, "
                                + "remove-party, transfer, complete-transfer, cancel-transfer)"),
                Arguments.of("missing command type", "{\"reservationSid\":\"WR1\"}", ClientCommand.class,
                        "type: missing required field"),
                Arguments.of("unknown event type", "{\"type\":\"party\"}", ServerEvent.class,
                        "type: unknown event type \"party\" (known: snapshot, reservation-offered, reservation-changed, "
                                + "reservation-rescinded, task-changed, conference-changed, incident-changed, "
                                + "queue-snapshot, activity-changed, session-expiring, error)"),
                Arguments.of("unknown enum value", "{\"type\":\"reservation-rescinded\",\"reservationSid\":\"WR1\",\"status\":\"sleeping\"}",
                        ServerEvent.class, "status: unknown value \"sleeping\" (expected one of: pending, accepted, "
                                + "rejected, timeout, canceled, rescinded, wrapping, completed)"),
                Arguments.of("enum value in the wrong case", "{\"type\":\"set-activity\",\"activity\":\"available\"}",
                        ClientCommand.class, "activity: unknown value \"available\" (expected one of: Available, Break, Offline)"),
                Arguments.of("enum given as a number", "{\"type\":\"reservation-rescinded\",\"reservationSid\":\"WR1\",\"status\":3}",
                        ServerEvent.class, "status: unknown value 3 (expected one of: pending, accepted, rejected, "
                                + "timeout, canceled, rescinded, wrapping, completed)"),
                Arguments.of("unknown enum value deep inside", snapshot.replace("\"phase\":\"PINGING\"", "\"phase\":\"NAPPING\""),
                        ServerEvent.class, "openIncident.phase: unknown value \"NAPPING\" (expected one of: DETECTED, "
                                + "PINGING, REJOINING, RECONNECT_ENQUEUED, RECONNECTED, RESTORED, REQUEUED, CUSTOMER_LEFT, EXPIRED, CANCELLED, STRANDED)"),
                Arguments.of("unknown phase as a map key", incident.replace("\"PINGING\":", "\"NAPPING\":"),
                        IncidentView.class, "phaseReachedAt: unknown value \"NAPPING\" (expected one of: DETECTED, "
                                + "PINGING, REJOINING, RECONNECT_ENQUEUED, RECONNECTED, RESTORED, REQUEUED, CUSTOMER_LEFT, EXPIRED, CANCELLED, STRANDED)"),
                Arguments.of("unparseable instant", "{\"type\":\"session-expiring\",\"expiresAt\":\"tomorrow\"}", ServerEvent.class,
                        "expiresAt: expected an ISO-8601 instant (like 2026-11-25T21:00:00Z) but got the string \"tomorrow\""),
                Arguments.of("instant as an epoch number", "{\"type\":\"heartbeat\",\"clientTime\":1764104400}",
                        ClientCommand.class, "clientTime: expected an ISO-8601 instant (like 2026-11-25T21:00:00Z) "
                                + "but got the number 1764104400"),
                Arguments.of("number where a SID belongs", "{\"type\":\"accept\",\"reservationSid\":5}",
                        ClientCommand.class, "reservationSid: expected a string but got the number 5"),
                Arguments.of("the JSON literal null", "null", ClientCommand.class, "expected an object but got null"),
                Arguments.of("an array where an object belongs", "[]", ClientCommand.class, "expected an object but got an array"),
                Arguments.of("rule broken inside a record", incident.replace("\"attempt\":1", "\"attempt\":0"),
                        IncidentView.class, "attempt: must be at least 1 but was 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void aBadDocumentFailsWithAMessageNamingTheFieldAndTheProblem(String name, String json, Class<?> type, String message) {
        CodecException error = catchThrowableOfType(CodecException.class, () -> codec.decode(json, type));

        assertThat(error).as("decoding %s", json).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void theMessageLeaksNoLibraryInternals(String name, String json, Class<?> type, String message) {
        CodecException error = catchThrowableOfType(CodecException.class, () -> codec.decode(json, type));

        assertThat(error.getMessage())
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("com.fasterxml", "java.", "dev.lifeline", "`", "\n", "Exception", "[Source");
    }

    @Test
    void theFieldPathAndTheReasonAreAvailableSeparately() {
        String json = codec.encode(Samples.serverEvents().get(0)).replaceFirst("\"reservationSid\":\"WR0+2\",", "");

        CodecException error = catchThrowableOfType(CodecException.class, () -> codec.decode(json, ServerEvent.class));

        assertThat(error.path()).isEqualTo("reservations[1].reservationSid");
        assertThat(error.reason()).isEqualTo("missing required field");
    }

    @Test
    void aWellFormedDocumentIsNotABadOneJustBecauseItIsNested() {
        assertThat(codec.decode("[{\"type\":\"heartbeat\",\"clientTime\":\"2026-11-25T21:00:00Z\"}]",
                java.util.List.class)).hasSize(1);
    }

    @Test
    void aNullDocumentIsReportedAsEmpty() {
        CodecException error = catchThrowableOfType(CodecException.class, () -> codec.decode((String) null, ClientCommand.class));

        assertThat(error.getMessage()).isEqualTo("malformed JSON: the document is empty");
    }
}
