package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.TwilioDates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The voice part of the world as plain maps (camelCase keys), for assertions, demos and {@code GET /sim/state}. */
final class VoiceSnapshot {

    private VoiceSnapshot() {
    }

    static Map<String, Object> of(Collection<VoiceCall> calls, Collection<VoiceConference> conferences,
                                  Map<String, Duration> autoAnswers) {
        List<Map<String, Object>> callList = new ArrayList<>();
        calls.forEach(call -> callList.add(call(call)));
        List<Map<String, Object>> conferenceList = new ArrayList<>();
        conferences.forEach(conference -> conferenceList.add(conference(conference)));
        Map<String, Object> endpoints = new TreeMap<>();
        autoAnswers.forEach((address, delay) -> endpoints.put(address, delay.toMillis()));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("calls", callList);
        snapshot.put("conferences", conferenceList);
        snapshot.put("autoAnswerDelayMillis", endpoints);
        return snapshot;
    }

    private static Map<String, Object> call(VoiceCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", call.sid);
        json.put("from", call.from);
        json.put("to", call.to);
        json.put("direction", call.direction);
        json.put("status", call.status.wire());
        json.put("activity", call.activity.name().toLowerCase());
        json.put("conferenceSid", call.conferenceSid);
        json.put("queuedWorkflowSid", call.queuedWorkflowSid);
        json.put("softphoneAnswered", call.softphoneSession != null);
        json.put("endedBy", call.endedBy);
        json.put("dateCreated", TwilioDates.iso(call.dateCreated));
        json.put("effects", new TreeMap<>(call.effects));
        json.put("holdMedia", call.holdMedia);
        json.put("sipError", call.sipError);
        return json;
    }

    private static Map<String, Object> conference(VoiceConference conference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", conference.sid);
        json.put("friendlyName", conference.friendlyName);
        json.put("status", conference.status);
        json.put("reasonConferenceEnded", conference.reasonConferenceEnded);
        json.put("callSidEndingConference", conference.callSidEndingConference);
        json.put("statusCallback", conference.callback == null ? null : conference.callback.url());
        json.put("statusCallbackEvents", conference.callback == null ? List.of() : conference.callback.events().stream().sorted().toList());
        json.put("callbacksSent", conference.sequenceNumber);
        json.put("announcements", conference.announcements);
        List<Map<String, Object>> participants = new ArrayList<>();
        conference.participants.values().forEach(p -> {
            Map<String, Object> participant = new LinkedHashMap<>();
            participant.put("callSid", p.callSid);
            participant.put("label", p.label);
            participant.put("status", p.status);
            participant.put("muted", p.muted);
            participant.put("hold", p.hold);
            participant.put("holdUrl", p.holdUrl);
            participant.put("holdMethod", p.holdMethod);
            participant.put("coaching", p.coaching);
            participant.put("startConferenceOnEnter", p.startConferenceOnEnter);
            participant.put("endConferenceOnExit", p.endConferenceOnExit);
            participant.put("beepOnExit", p.beepOnExit);
            participant.put("waitUrl", p.waitUrl);
            participants.add(participant);
        });
        json.put("participants", participants);
        return json;
    }
}
