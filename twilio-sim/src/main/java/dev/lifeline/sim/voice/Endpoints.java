package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who answers a dialled address: the scenario's behaviour for it (a person, a machine or a fax answers after a delay on
 * the sim clock, the line is busy, fails or never answers), the SIP phones registered for a {@code sip:} address, or
 * nobody until the scenario API says so (a {@code client:} address: no Voice SDK client ever registers with the
 * emulator, so it rings until its timeout, as it would at Twilio with nobody registered). Callers hold the world lock.
 */
final class Endpoints {

    private final SimContext context;
    private final Map<String, EndpointBehaviour> behaviours = new LinkedHashMap<>();
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
                default -> after(call, behaviour.delay(), () -> calls.answer(call));
            }
            return;
        }
        if (call.isSip()) {
            sip.ring(call.sid, call.to, call.from);
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
                in ? participant.announceUrl : null, in ? participant.announcementsHeard : 0,
                in && participant.coaching, in && participant.coaching ? participant.callSidToCoach : null));
    }

    void ringEnded(VoiceCall call, String reason) {
        if (call.isSip()) {
            sip.cancel(call.sid);
        }
        audio.ended(call.sid);
    }

    void joined(VoiceCall call) {
        audioChanged(call);
    }

    void participantChanged(VoiceParticipant participant) {
        VoiceCall call = calls.get(participant.callSid);
        if (call != null) {
            audioChanged(call);
        }
    }

    void legEnded(VoiceCall call, String reason) {
        if (call.isSip() && call.sipAnswered) {
            sip.hangUp(call.sid);
        }
        audio.ended(call.sid);
    }
}
