package dev.lifeline.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConferenceCallbackTest {

    private Map<String, String> leave() {
        Map<String, String> form = new HashMap<>();
        form.put("ConferenceSid", "CF0123");
        form.put("StatusCallbackEvent", "participant-leave");
        form.put("SequenceNumber", "4");
        form.put("CallSid", "CA9");
        form.put("EndConferenceOnExit", "false");
        form.put("ReasonParticipantLeft", "participant_hung_up");
        return form;
    }

    @Test
    void aParticipantLeaveIsReadWithItsReasonAndFlags() {
        ConferenceCallback callback = ConferenceCallback.parse(leave());

        assertThat(callback.sequenceNumber()).isEqualTo(4);
        assertThat(callback.endConferenceOnExit()).isFalse();
        assertThat(callback.reasonParticipantLeft()).isEqualTo("participant_hung_up");
        assertThat(callback.hold()).isNull();
    }

    @Test
    void aMissingSequenceNumberIsNamed() {
        Map<String, String> form = leave();
        form.remove("SequenceNumber");

        assertThatThrownBy(() -> ConferenceCallback.parse(form)).hasMessage("SequenceNumber: is required");
    }

    @Test
    void aParticipantEventWithoutCallSidIsRefused() {
        Map<String, String> form = leave();
        form.remove("CallSid");

        assertThatThrownBy(() -> ConferenceCallback.parse(form)).hasMessage("CallSid: is required for participant-leave");
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseIsRefused() {
        Map<String, String> form = leave();
        form.put("Hold", "yes");

        assertThatThrownBy(() -> ConferenceCallback.parse(form)).hasMessage("Hold: must be true or false, got 'yes'");
    }

    @Test
    void redeliveriesShareTheirDedupeKey() {
        assertThat(ConferenceCallback.parse(leave()).dedupeKey()).isEqualTo(ConferenceCallback.parse(leave()).dedupeKey());
    }
}
