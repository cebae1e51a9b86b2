package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who answers a dialled address: the scenario's behaviour for it (a person, a machine or a fax answers after a delay on
 * the sim clock, the line is busy, fails or never answers), a softphone on the voice plane ({@code client:<identity>}),
 * a registered SIP endpoint, or nobody until the scenario API says so. Also tells a softphone what happens to the legs
 * it answered. Callers hold the world lock.
 */
final class Endpoints {

    private final SimContext context;
    private final Map<String, EndpointBehaviour> behaviours = new LinkedHashMap<>();
    private SoftphoneLine line = SoftphoneLine.NONE;
    private SipLine sip = SipLine.NONE;
    private CallAudio audio = CallAudio.NONE;
    private Calls calls;
    private Conferences conferences;

    Endpoints(SimContext context) {
        this.context = context;
    }

    void wire(Calls calls, Conferences conferences) {
        this.calls = calls;
        this.conferences = conferences;
    }

    void sip(SipLine sip) {
        this.sip = sip == null ? SipLine.NONE : sip;
    }

    void audio(CallAudio audio) {
        this.audio = audio == null ? CallAudio.NONE : audio;
    }

    void line(SoftphoneLine line) {
        this.line = line == null ? SoftphoneLine.NONE : line;
    }

    void behave(String address, EndpointBehaviour behaviour) {
        behaviours.put(address, behaviour);
    }

    boolean forget(String address) {
        return behaviours.remove(address) != null;
    }

    /** The scenario's behaviour for {@code address}, or null. */
    EndpointBehaviour behaviour(String address) {
        return address == null ? null : behaviours.get(address);
    }

    Map<String, EndpointBehaviour> behaviours() {
        return Map.copyOf(behaviours);
    }

    void ring(VoiceCall call) {
        EndpointBehaviour behaviour = behaviours.get(call.to);
        if (behaviour != null) {
            switch (behaviour.outcome()) {
                case NO_ANSWER -> {
                    // rings until the call's own timeout makes it no-answer
                }
                case BUSY -> after(call, behaviour.delay(), () -> calls.failDial(call, CallStatus.BUSY, "busy"));
                case FAILED -> after(call, behaviour.delay(), () -> calls.failDial(call, CallStatus.FAILED, "failed"));
                default -> after(call, behaviour.delay(), () -> calls.answer(call, null));
            }
            return;
        }
        if (call.isSip()) {
            sip.ring(call.sid, call.to, call.from);
            return;
        }
        String identity = call.clientIdentity();
        if (identity != null && line.online(identity)) {
            line.send(identity, ringMessage(call));
        }
    }

    /** Runs {@code outcome} after {@code delay} of ringing, unless the call stopped ringing in the meantime. */
    private void after(VoiceCall call, Duration delay, Runnable outcome) {
        if (delay.isZero()) {
            outcome.run();
            return;
        }
        long generation = call.generation;
        call.answerTimer = context.clock.schedule(delay, () -> {
            synchronized (context.world) {
                if (call.status == CallStatus.RINGING && call.generation == generation) {
                    call.answerTimer = null;
                    outcome.run();
                }
            }
        });
    }

    /** Tells the media plane what the leg hears now (see {@link LegAudio}). */
    void audioChanged(VoiceCall call) {
        if (call.status.isFinal()) {
            audio.ended(call.sid);
            return;
        }
        if (call.status != CallStatus.IN_PROGRESS) {
            return;
        }
        VoiceConference conference = call.conferenceSid == null ? null : conferences.get(call.conferenceSid);
        VoiceParticipant participant = conference == null ? null : conference.participants.get(call.sid);
        boolean in = participant != null && participant.joined();
        audio.update(call.sid, new LegAudio(in ? conference.sid : null, in && participant.muted, in && participant.hold,
                call.playUrl, call.playLoops, call.queued != null && call.queued.defaultMusic(), call.simulatedFarEnd(),
                in ? participant.announceUrl : null, in ? participant.announcementsHeard : 0));
    }

    /** What a softphone that registers now should be rung for. */
    List<Map<String, Object>> pendingRings(String identity) {
        return calls.all().stream()
                .filter(c -> c.status == CallStatus.RINGING && identity.equals(c.clientIdentity())
                        && !behaviours.containsKey(c.to))
                .map(Endpoints::ringMessage)
                .toList();
    }

    void ringEnded(VoiceCall call, String reason) {
        if (call.isSip()) {
            sip.cancel(call.sid);
        }
        audio.ended(call.sid);
        String identity = call.clientIdentity();
        if (identity != null && line.online(identity)) {
            line.send(identity, message("ring-cancelled", call.sid, "reason", reason));
        }
    }

    void joined(VoiceCall call, VoiceConference conference, VoiceParticipant participant) {
        audioChanged(call);
        if (call.softphoneSession != null) {
            Map<String, Object> message = participantState("connected", participant);
            message.put("conferenceName", conference.friendlyName);
            line.send(call.clientIdentity(), message);
        }
    }

    void participantChanged(VoiceParticipant participant) {
        VoiceCall call = calls.get(participant.callSid);
        if (call != null) {
            audioChanged(call);
        }
        if (call != null && call.softphoneSession != null) {
            line.send(call.clientIdentity(), participantState("participant", participant));
        }
    }

    void legEnded(VoiceCall call, String reason) {
        if (call.isSip() && call.sipAnswered) {
            sip.hangUp(call.sid);
        }
        audio.ended(call.sid);
        if (call.softphoneSession != null) {
            line.send(call.clientIdentity(), message("call-ended", call.sid, "reason", reason));
        }
    }

    private static Map<String, Object> ringMessage(VoiceCall call) {
        Map<String, Object> message = message("ring", call.sid, "from", call.from);
        message.put("to", call.to);
        message.put("conferenceName", call.dialledIntoConference);
        return message;
    }

    private static Map<String, Object> participantState(String type, VoiceParticipant participant) {
        Map<String, Object> message = message(type, participant.callSid, "conferenceSid", participant.conferenceSid);
        message.put("label", participant.label);
        message.put("muted", participant.muted);
        message.put("hold", participant.hold);
        message.put("holdUrl", participant.holdUrl);
        message.put("coaching", participant.coaching);
        message.put("endConferenceOnExit", participant.endConferenceOnExit);
        return message;
    }

    private static Map<String, Object> message(String type, String callSid, String key, Object value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("callSid", callSid);
        message.put(key, value);
        return message;
    }
}
