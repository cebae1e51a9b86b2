package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioDates;
import dev.lifeline.sim.webhook.Webhook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds and sends a conference's status callbacks with every documented parameter (twilio-api.md §1),
 * to the URL and events the first participant chose, ordered by conference SID.
 */
final class ConferenceCallbacks {

    private final SimContext context;

    ConferenceCallbacks(SimContext context) {
        this.context = context;
    }

    /** {@code conference-start}, {@code conference-end}, conference-wide {@code announcement-end}. */
    void conferenceEvent(VoiceConference conference, String event, Map<String, String> extra) {
        send(conference, event, null, extra);
    }

    /** {@code participant-join/leave/mute/unmute/hold/unhold/modify}, participant {@code announcement-end}. */
    void participantEvent(VoiceConference conference, String event, VoiceParticipant participant, Map<String, String> extra) {
        send(conference, event, participant, extra);
    }

    private void send(VoiceConference conference, String event, VoiceParticipant participant, Map<String, String> extra) {
        ConferenceCallbackSettings settings = conference.callback;
        if (settings == null || !settings.wants(subscriptionWord(event))) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ConferenceSid", conference.sid);
        params.put("FriendlyName", conference.friendlyName);
        params.put("AccountSid", context.accountSid);
        params.put("SequenceNumber", Integer.toString(++conference.sequenceNumber));
        params.put("Timestamp", TwilioDates.rfc2822(context.clock.now()));
        params.put("StatusCallbackEvent", event);
        if (participant != null) {
            params.put("CallSid", participant.callSid);
            params.put("Muted", Boolean.toString(participant.muted));
            params.put("Hold", Boolean.toString(participant.hold));
            params.put("Coaching", Boolean.toString(participant.coaching));
            params.put("EndConferenceOnExit", Boolean.toString(participant.endConferenceOnExit));
            params.put("StartConferenceOnEnter", Boolean.toString(participant.startConferenceOnEnter));
            if (participant.label != null) {
                params.put("ParticipantLabel", participant.label);
            }
            if (participant.callSidToCoach != null) {
                params.put("CallSidToCoach", participant.callSidToCoach);
            }
        }
        extra.forEach((name, value) -> {
            if (value != null) {
                params.put(name, value);
            }
        });
        context.webhooks.send(Webhook.form(settings.url(), params, conference.sid, settings.method()));
    }

    static String subscriptionWord(String event) {
        return switch (event) {
            case "conference-start" -> "start";
            case "conference-end" -> "end";
            case "participant-join" -> "join";
            case "participant-leave" -> "leave";
            case "participant-mute", "participant-unmute" -> "mute";
            case "participant-hold", "participant-unhold" -> "hold";
            case "participant-modify" -> "modify";
            case "participant-speech-start", "participant-speech-stop" -> "speaker";
            case "announcement-end", "announcement-fail" -> "announcement";
            default -> throw new IllegalArgumentException("unknown conference event " + event);
        };
    }
}
