package dev.lifeline.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.webhooks.ConferenceCallbackForm;
import dev.lifeline.server.webhooks.FormBody;
import dev.lifeline.server.webhooks.WebhookFormatException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conference status callback parser (twilio-api.md §1) takes whatever a client posts: it either yields a
 * callback that satisfies its own invariants or refuses with a {@link WebhookFormatException} naming a parameter
 * (a 400), never anything else (a 500).
 */
class ConferenceCallbackFuzzTest {

    private static final List<String> PARAMETERS = List.of("ConferenceSid", "FriendlyName", "StatusCallbackEvent",
            "SequenceNumber", "CallSid", "ParticipantLabel", "Hold", "Muted", "EndConferenceOnExit", "ReasonParticipantLeft",
            "ParticipantCallStatus", "ReasonConferenceEnded", "CallSidEndingConference", "AccountSid", "Timestamp");

    /** Seeds: {@code ConferenceCallbackFuzzTestInputs/rawFormBodiesParseOrAreRefusedAsBadRequests/}, raw bodies. */
    @FuzzTest(maxDuration = "60s")
    void rawFormBodiesParseOrAreRefusedAsBadRequests(byte[] body) {
        parseOrRefuse(FormBody.decode(body));
    }

    /** Known parameter names with fuzzed values, so the fuzzer reaches the checks behind the required ones. */
    @FuzzTest(maxDuration = "60s")
    void formMapsWithFuzzedValuesParseOrAreRefusedAsBadRequests(FuzzedDataProvider data) {
        Map<String, String> form = new HashMap<>();
        int count = data.consumeInt(0, PARAMETERS.size() + 2);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(PARAMETERS) : data.consumeString(24);
            form.put(name, data.consumeBoolean() ? null : data.consumeString(64));
        }
        parseOrRefuse(form);
    }

    private static void parseOrRefuse(Map<String, String> form) {
        ConferenceCallback callback;
        try {
            callback = ConferenceCallbackForm.parse(form);
        } catch (WebhookFormatException refused) {
            assertThat(refused.field()).isIn(PARAMETERS);
            return;
        }
        assertThat(callback.conferenceSid()).startsWith("CF");
        assertThat(callback.kind()).isNotNull();
        assertThat(callback.eventId()).contains(callback.conferenceSid());
        if (form.get("StatusCallbackEvent").startsWith("participant-")) {
            assertThat(callback.callSid()).isNotBlank();
        }
    }
}
