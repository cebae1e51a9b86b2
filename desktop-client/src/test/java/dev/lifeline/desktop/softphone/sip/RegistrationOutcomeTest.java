package dev.lifeline.desktop.softphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.sip.RegistrationOutcome.Kind;
import org.junit.jupiter.api.Test;

class RegistrationOutcomeTest {

    @Test
    void theFirstChallengeIsAnsweredTheSecondMeansAWrongPassword() {
        assertThat(RegistrationOutcome.of(401, "Unauthorized", false, false).kind()).isEqualTo(Kind.ANSWER_CHALLENGE);
        assertThat(RegistrationOutcome.of(407, "Proxy Auth", false, false).kind()).isEqualTo(Kind.ANSWER_CHALLENGE);

        RegistrationOutcome again = RegistrationOutcome.of(401, "Unauthorized", true, false);

        assertThat(again.kind()).isEqualTo(Kind.FAILED_FINAL);
        assertThat(again.reason()).isEqualTo("wrong SIP password");
    }

    @Test
    void aStaleNonceIsAnsweredAgain() {
        assertThat(RegistrationOutcome.of(401, "Unauthorized", true, true).kind()).isEqualTo(Kind.ANSWER_CHALLENGE);
    }

    @Test
    void forbiddenIsAWrongPasswordAndIsNotRetried() {
        assertThat(RegistrationOutcome.of(403, "Forbidden", true, false))
                .isEqualTo(new RegistrationOutcome(Kind.FAILED_FINAL, "wrong SIP password"));
    }

    @Test
    void serverTroubleIsRetriedWithTheCodeInTheReason() {
        RegistrationOutcome outcome = RegistrationOutcome.of(503, "Service Unavailable", false, false);

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED_RETRY);
        assertThat(outcome.reason()).isEqualTo("the SIP server refused the phone (503 Service Unavailable)");
        assertThat(RegistrationOutcome.of(423, "Interval Too Brief", true, false).kind()).isEqualTo(Kind.RETRY_LONGER);
        assertThat(RegistrationOutcome.of(200, "OK", true, false).kind()).isEqualTo(Kind.REGISTERED);
    }
}
