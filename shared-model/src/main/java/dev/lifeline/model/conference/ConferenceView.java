package dev.lifeline.model.conference;

import dev.lifeline.model.validation.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A live (or just ended) Twilio conference around one interaction.
 *
 * @param conferenceSid the conference SID ({@code CF…})
 * @param taskSid       the task the conference serves; optional (a conference may outlive its task)
 * @param participants  the legs currently in it, in join order
 * @param startedAt     when the conference started
 * @param endedAt       when it ended, or {@code null} while it runs
 */
public record ConferenceView(
        String conferenceSid,
        String taskSid,
        List<ParticipantView> participants,
        Instant startedAt,
        Instant endedAt) {

    public ConferenceView {
        Require.text(conferenceSid, "conferenceSid");
        taskSid = Require.optionalText(taskSid, "taskSid");
        participants = Require.listOf(participants, "participants");
        Require.present(startedAt, "startedAt");
    }

    public boolean hasEnded() {
        return endedAt != null;
    }

    public Optional<ParticipantView> participant(String callSid) {
        return participants.stream().filter(participant -> participant.callSid().equals(callSid)).findFirst();
    }

    public List<ParticipantView> withRole(ParticipantRole role) {
        return participants.stream().filter(participant -> participant.role() == role).toList();
    }
}
