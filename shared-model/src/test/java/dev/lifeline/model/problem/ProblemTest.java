package dev.lifeline.model.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final JsonCodec codec = JsonCodec.shared();

    @Test
    void serialisesWithTheRfc9457MemberNamesInOrder() {
        Problem problem = Problem.badRequest("reservationSid", "missing required field")
                .withInstance("/api/reservations/WR1/accept");

        assertThat(codec.encode(problem)).isEqualTo("{\"type\":\"https://lifeline.dev/problems/invalid-request\","
                + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"reservationSid: missing required field\","
                + "\"instance\":\"/api/reservations/WR1/accept\",\"errors\":{\"reservationSid\":\"missing required field\"}}");
    }

    @Test
    void absentOptionalMembersAreLeftOutRatherThanSentAsNull() {
        String json = codec.encode(Problem.forbidden("Only supervisors can cancel a recovery"));

        assertThat(json).isEqualTo("{\"type\":\"https://lifeline.dev/problems/forbidden\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"Only supervisors can cancel a recovery\"}");
    }

    @Test
    void aProblemWithoutTypeFromAnotherServiceMeansAboutBlankAndItsExtensionsAreIgnored() {
        Problem problem = codec.decode("{\"title\":\"Service Unavailable\",\"status\":503,\"retryAfter\":30}",
                Problem.class);

        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void aBadRequestWithSeveralFieldsListsEachInTheDetailAndTheErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("username", "must not be blank");
        errors.put("password", "missing required field");

        Problem problem = Problem.badRequest(errors);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("username: must not be blank; password: missing required field");
        assertThat(problem.errors()).containsExactly(
                Assertions.entry("username", "must not be blank"), Assertions.entry("password", "missing required field"));
    }

    @Test
    void anUndecodableBodyBecomesABadRequestNamingTheField() {
        CodecException error = Assertions.catchThrowableOfType(CodecException.class,
                () -> codec.decode("{\"type\":\"accept\"}", ClientCommand.class));

        Problem problem = Problem.invalidBody(error);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("reservationSid: missing required field");
        assertThat(problem.errors()).containsExactly(Assertions.entry("reservationSid", "missing required field"));
    }

    @Test
    void malformedJsonBecomesABadRequestAboutTheBody() {
        CodecException error = Assertions.catchThrowableOfType(CodecException.class,
                () -> codec.decode("{", ClientCommand.class));

        assertThat(Problem.invalidBody(error).errors()).containsOnlyKeys("body");
    }

    @Test
    void notFoundSaysWhatWasMissing() {
        Problem problem = Problem.notFound("reservation", "WR1");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("reservation WR1 was not found");
    }

    @Test
    void aStatusThatIsNotAnHttpStatusIsRejected() {
        assertThatThrownBy(() -> new Problem(null, "Odd", 42, null, null, null))
                .hasMessage("status: must be an HTTP status code (100-599) but was 42");
    }
}
