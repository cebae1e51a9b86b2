package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.TwilioDates;
import java.time.Instant;
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
                                  Map<String, EndpointBehaviour> behaviours, Collection<VoiceQueue> queues, Instant now) {
        List<Map<String, Object>> callList = new ArrayList<>();
        calls.forEach(call -> callList.add(call(call)));
        List<Map<String, Object>> conferenceList = new ArrayList<>();
        conferences.forEach(conference -> conferenceList.add(conference(conference)));
        Map<String, Object> autoAnswers = new TreeMap<>();
        Map<String, Object> endpoints = new TreeMap<>();
        behaviours.forEach((address, behaviour) -> {
            if (behaviour.outcome() == EndpointBehaviour.Outcome.ANSWER) {
                autoAnswers.put(address, behaviour.delay().toMillis());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("outcome", behaviour.outcome().wire());
            json.put("delayMillis", behaviour.delay().toMillis());
            json.put("answeredBy", behaviour.answeredBy());
            json.put("detectionMillis", behaviour.detectionTime().toMillis());
            endpoints.put(address, json);
        });
        List<Map<String, Object>> queueList = new ArrayList<>();
        queues.forEach(queue -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sid", queue.sid);
            json.put("friendlyName", queue.friendlyName);
            json.put("maxSize", queue.maxSize);
            json.put("callSids", queue.callSids());
            json.put("averageWaitSeconds", queue.averageWaitSeconds(now));
            queueList.add(json);
        });
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("calls", callList);
        snapshot.put("conferences", conferenceList);
        snapshot.put("queues", queueList);
        snapshot.put("endpoints", endpoints);
        snapshot.put("autoAnswerDelayMillis", autoAnswers);
        return snapshot;
    }

    private static Map<String, Object> call(VoiceCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", call.sid);
        json.put("from", call.from);
        json.put("to", call.to);
        json.put("direction", call.direction);
        json.put("status", call.status.wire());
        // a queued call runs its wait document, but to the demo it is simply "queued"
        json.put("activity", call.queued != null ? "queued" : call.activity.name().toLowerCase());
        json.put("twimlActivity", call.activity.name().toLowerCase());
        json.put("conferenceSid", call.conferenceSid);
        json.put("queueSid", call.queued == null ? null : call.queued.queue.sid);
        json.put("queuePosition", call.queued == null ? null : call.queued.queue.position(call.sid));
        json.put("queuedWorkflowSid", call.queued == null ? null : call.queued.workflowSid);
        json.put("gatheredDigits", call.gather == null ? null : call.gather.digits.toString());
        json.put("documentUrl", call.documentUrl);
        json.put("answeredBy", call.answeredBy);
        json.put("endedBy", call.endedBy);
        json.put("dateCreated", TwilioDates.iso(call.dateCreated));
        json.put("effects", new TreeMap<>(call.effects));
        json.put("spoken", List.copyOf(call.spoken));
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
