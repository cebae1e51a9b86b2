package dev.lifeline.sim.voice;

import static dev.lifeline.sim.core.TwilioDates.rfc2822;

import java.util.LinkedHashMap;
import java.util.Map;

/** The 2010-04-01 JSON shapes of Call, Conference and Participant (field names from twilio-java 11.1.0). */
final class VoiceJson {

    static final String API = "/2010-04-01/Accounts/";

    private VoiceJson() {
    }

    static Map<String, Object> call(String accountSid, VoiceCall call) {
        String uri = API + accountSid + "/Calls/" + call.sid;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", call.sid);
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("parent_call_sid", call.parentCallSid);
        json.put("date_created", rfc2822(call.dateCreated));
        json.put("date_updated", rfc2822(call.dateUpdated));
        json.put("to", call.to);
        json.put("to_formatted", call.to);
        json.put("from", call.from);
        json.put("from_formatted", call.from);
        json.put("phone_number_sid", null);
        json.put("status", call.status.wire());
        json.put("start_time", rfc2822(call.startTime));
        json.put("end_time", rfc2822(call.endTime));
        json.put("duration", call.endTime == null ? null : Long.toString(CallProgressCallbacks.duration(call)));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("direction", call.direction);
        json.put("answered_by", call.answeredBy);
        json.put("forwarded_from", null);
        json.put("group_sid", null);
        json.put("caller_name", null);
        json.put("queue_time", "0");
        json.put("trunk_sid", null);
        json.put("uri", uri + ".json");
        Map<String, String> subresources = new LinkedHashMap<>();
        subresources.put("notifications", uri + "/Notifications.json");
        subresources.put("recordings", uri + "/Recordings.json");
        subresources.put("events", uri + "/Events.json");
        json.put("subresource_uris", subresources);
        return json;
    }

    static Map<String, Object> conference(String accountSid, VoiceConference conference) {
        String uri = API + accountSid + "/Conferences/" + conference.sid;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("call_sid_ending_conference", conference.callSidEndingConference);
        json.put("date_created", rfc2822(conference.dateCreated));
        json.put("date_updated", rfc2822(conference.dateUpdated));
        json.put("friendly_name", conference.friendlyName);
        json.put("reason_conference_ended", conference.reasonConferenceEnded);
        json.put("region", "us1");
        json.put("sid", conference.sid);
        json.put("status", conference.status);
        Map<String, String> subresources = new LinkedHashMap<>();
        subresources.put("participants", uri + "/Participants.json");
        subresources.put("recordings", uri + "/Recordings.json");
        json.put("subresource_uris", subresources);
        json.put("uri", uri + ".json");
        return json;
    }

    static Map<String, Object> participant(String accountSid, VoiceParticipant participant, boolean withQueueTime) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("call_sid", participant.callSid);
        json.put("label", participant.label);
        json.put("call_sid_to_coach", participant.callSidToCoach);
        json.put("coaching", participant.coaching);
        json.put("conference_sid", participant.conferenceSid);
        json.put("date_created", rfc2822(participant.dateCreated));
        json.put("date_updated", rfc2822(participant.dateUpdated));
        json.put("end_conference_on_exit", participant.endConferenceOnExit);
        json.put("muted", participant.muted);
        json.put("hold", participant.hold);
        json.put("start_conference_on_enter", participant.startConferenceOnEnter);
        json.put("status", participant.status);
        json.put("queue_time", withQueueTime ? "0" : null); // Twilio sets it only on the create response
        json.put("uri", API + accountSid + "/Conferences/" + participant.conferenceSid + "/Participants/"
                + participant.callSid + ".json");
        return json;
    }
}
