package dev.lifeline.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.LeaveReason;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConferenceCallbackFormTest {

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
        ConferenceCallback callback = ConferenceCallbackForm.parse(leave());

        assertThat(callback.sequenceNumber()).isEqualTo(4);
        assertThat(callback.endConferenceOnExit()).isFalse();
        assertThat(callback.kind()).isEqualTo(ConferenceCallback.Kind.PARTICIPANT_LEAVE);
        assertThat(callback.reason()).isEqualTo(LeaveReason.PARTICIPANT_HUNG_UP);
        assertThat(callback.hold()).isNull();
    }

    @Test
    void aMissingSequenceNumberIsNamed() {
        Map<String, String> form = leave();
        form.remove("SequenceNumber");

        assertThatThrownBy(() -> ConferenceCallbackForm.parse(form)).hasMessage("SequenceNumber: is required");
    }

    @Test
    void aParticipantEventWithoutCallSidIsRefused() {
        Map<String, String> form = leave();
        form.remove("CallSid");

        assertThatThrownBy(() -> ConferenceCallbackForm.parse(form)).hasMessage("CallSid: is required for participant-leave");
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseIsRefused() {
        Map<String, String> form = leave();
        form.put("Hold", "yes");

        assertThatThrownBy(() -> ConferenceCallbackForm.parse(form)).hasMessage("Hold: must be true or false, got 'yes'");
    }

    @Test
    void redeliveriesShareTheirEventId() {
        assertThat(ConferenceCallbackForm.parse(leave()).eventId()).isEqualTo(ConferenceCallbackForm.parse(leave()).eventId());
    }
}
