package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conference rules (twilio-api.md §1): a conference exists once a participant is added by name; it starts when
 * at least two are present and one has {@code startConferenceOnEnter}; it ends when a participant with
 * {@code endConferenceOnExit} leaves, when the last one leaves, or through the API. Callers hold the world lock.
 */
final class Conferences {

    private final SimContext context;
    private final ConferenceCallbacks callbacks;
    private final Map<String, VoiceConference> bySid = new LinkedHashMap<>();
    private Calls calls;
    private Endpoints endpoints;

    Conferences(SimContext context) {
        this.context = context;
        this.callbacks = new ConferenceCallbacks(context);
    }

    void wire(Calls calls, Endpoints endpoints) {
        this.calls = calls;
        this.endpoints = endpoints;
    }

    Collection<VoiceConference> all() {
        return bySid.values();
    }

    VoiceConference get(String sid) {
        return bySid.get(sid);
    }

    VoiceConference require(String sid) {
        VoiceConference conference = bySid.get(sid);
        if (conference == null || conference.hidden) {
            throw TwilioApiException.notFound("Conference", sid);
        }
        return conference;
    }

    /** Conferences the API shows: every one but the private rooms of {@code <Dial>} bridges. */
    Collection<VoiceConference> visible() {
        return bySid.values().stream().filter(c -> !c.hidden).toList();
    }

    /** A private two-party room bridging a {@code <Dial>} caller and the leg it dialled. */
    VoiceConference bridge(String parentCallSid) {
        VoiceConference room = new VoiceConference(Sids.next("CF"), "dial:" + parentCallSid, context.clock.now());
        room.hidden = true;
        bySid.put(room.sid, room);
        return room;
    }

    /** The active conference of that name, or null. */
    VoiceConference activeNamed(String friendlyName) {
        return bySid.values().stream()
                .filter(c -> c.active() && !c.hidden && c.friendlyName.equals(friendlyName))
                .findFirst().orElse(null);
    }

    /** The active conference of that name, created (status {@code init}) if there is none. */
    VoiceConference findOrCreate(String friendlyName) {
        VoiceConference existing = activeNamed(friendlyName);
        if (existing != null) {
            return existing;
        }
        VoiceConference created = new VoiceConference(Sids.next("CF"), friendlyName, context.clock.now());
        bySid.put(created.sid, created);
        return created;
    }

    /** Reserves a place for a call being dialled in (participant status {@code ringing}). */
    VoiceParticipant addRinging(VoiceConference conference, VoiceCall call, ParticipantSettings settings) {
        requireLabelFree(conference, settings.label());
        chooseCallback(conference, settings.callback());
        VoiceParticipant participant =
                new VoiceParticipant(call.sid, conference.sid, settings, "ringing", context.clock.now());
        conference.participants.put(call.sid, participant);
        return participant;
    }

    /** The call is in: {@code participant-join}, then {@code conference-start} if the rules say so. */
    VoiceParticipant join(VoiceConference conference, VoiceCall call, ParticipantSettings settings) {
        VoiceParticipant participant = conference.participants.get(call.sid);
        if (participant == null) {
            participant = addRinging(conference, call, settings);
        }
        participant.status = "connected";
        participant.dateUpdated = context.clock.now();
        conference.everJoined = true;
        conference.dateUpdated = context.clock.now();
        call.activity = VoiceCall.Activity.IN_CONFERENCE;
        call.conferenceSid = conference.sid;
        call.playUrl = null;
        callbacks.participantEvent(conference, "participant-join", participant, Map.of());
        endpoints.joined(call);
        startIfReady(conference);
        return participant;
    }

    private void startIfReady(VoiceConference conference) {
        List<VoiceParticipant> present = conference.joined();
        if ("init".equals(conference.status) && present.size() >= 2
                && present.stream().anyMatch(p -> p.startConferenceOnEnter)) {
            conference.status = "in-progress";
            conference.dateUpdated = context.clock.now();
            callbacks.conferenceEvent(conference, "conference-start", Map.of());
        }
    }

    private void chooseCallback(VoiceConference conference, ConferenceCallbackSettings offered) {
        if (conference.callback == null) {
            conference.callback = offered == null ? ConferenceCallbackSettings.NONE : offered;
        }
    }

    private void requireLabelFree(VoiceConference conference, String label) {
        if (label != null && conference.byLabel(label) != null) {
            throw TwilioApiException.badRequest("Label '" + label + "' is already used by a participant of conference "
                    + conference.sid);
        }
    }

    /**
     * Takes a participant out: {@code participant-leave}, then ends the conference if the participant had
     * {@code endConferenceOnExit} or was the last one. The participant's own call is the caller's business.
     *
     * @param callStatusAfter the leaving call's status as reported in {@code ParticipantCallStatus}
     * @param viaApi          removed through the REST API (kick, redirect, hang-up by API) rather than by the party
     */
    void leave(VoiceParticipant participant, LeaveReason reason, String callStatusAfter, boolean viaApi) {
        VoiceConference conference = bySid.get(participant.conferenceSid);
        if (conference == null || conference.participants.remove(participant.callSid) == null) {
            return;
        }
        boolean wasJoined = participant.joined();
        participant.status = "complete";
        participant.dateUpdated = context.clock.now();
        conference.dateUpdated = context.clock.now();
        callbacks.participantEvent(conference, "participant-leave", participant, Map.of(
                "ParticipantCallStatus", callStatusAfter,
                "ReasonParticipantLeft", reason.wire()));
        detach(participant, wasJoined);
        if (!conference.active()) {
            return;
        }
        if (wasJoined && participant.endConferenceOnExit) {
            end(conference, viaApi ? "participant-with-end-conference-on-exit-kicked"
                    : "participant-with-end-conference-on-exit-left", participant,
                    LeaveReason.MODERATOR_ENDED_CONFERENCE);
        } else if (conference.everJoined && conference.joined().isEmpty()) {
            // the last one in is out; anyone still being dialled in is called off by end()
            end(conference, viaApi ? "last-participant-kicked" : "last-participant-left", participant,
                    LeaveReason.CONFERENCE_ENDED_VIA_API);
        } else if (!conference.everJoined && conference.participants.isEmpty()) {
            closeSilently(conference); // nobody ever got in: no conference-end to report
        }
    }

    /** {@code Status=completed} on the Conference resource. */
    void endViaApi(VoiceConference conference) {
        if (conference.active()) {
            end(conference, "conference-ended-via-api", null, LeaveReason.CONFERENCE_ENDED_VIA_API);
        }
    }

    private void end(VoiceConference conference, String reason, VoiceParticipant ending, LeaveReason othersLeave) {
        conference.status = "completed";
        conference.reasonConferenceEnded = reason;
        conference.callSidEndingConference = ending == null ? null : ending.callSid;
        conference.dateUpdated = context.clock.now();
        // Everyone still inside is put out; their calls go on with their next TwiML verb, if any.
        for (VoiceParticipant other : new ArrayList<>(conference.participants.values())) {
            conference.participants.remove(other.callSid);
            VoiceCall call = calls.get(other.callSid);
            boolean wasJoined = other.joined();
            other.status = "complete";
            if (!wasJoined) {
                // still being dialled: the dial is called off
                callbacks.participantEvent(conference, "participant-leave", other, Map.of(
                        "ParticipantCallStatus", "canceled",
                        "ReasonParticipantLeft", LeaveReason.PARTICIPANT_ADD_FAILED.wire()));
                if (call != null) {
                    calls.cancelUnanswered(call);
                }
                continue;
            }
            boolean continues = call != null && call.continuesAfterConference();
            callbacks.participantEvent(conference, "participant-leave", other, Map.of(
                    "ParticipantCallStatus", continues ? "in-progress" : "completed",
                    "ReasonParticipantLeft", othersLeave.wire()));
            detach(other, true);
            if (call != null) {
                calls.leftConference(call, continues);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ReasonConferenceEnded", reason);
        params.put("Reason", describe(reason, ending));
        if (ending != null) {
            params.put("CallSidEndingConference", ending.callSid);
            params.put("ParticipantLabelEndingConference", ending.label);
        }
        callbacks.conferenceEvent(conference, "conference-end", params);
    }

    private void closeSilently(VoiceConference conference) {
        conference.status = "completed";
        conference.reasonConferenceEnded = "last-participant-left";
        conference.dateUpdated = context.clock.now();
    }

    /** Tells the worker-leg listener and the softphone that the call is out of the room. */
    private void detach(VoiceParticipant participant, boolean wasJoined) {
        VoiceCall call = calls.get(participant.callSid);
        if (call == null) {
            return;
        }
        if (participant.conferenceSid.equals(call.conferenceSid)) {
            call.conferenceSid = null;
            if (call.activity == VoiceCall.Activity.IN_CONFERENCE) {
                call.activity = VoiceCall.Activity.IDLE;
            }
        }
        endpoints.audioChanged(call);
        if (call.workerLegListener != null && wasJoined) {
            call.workerLegListener.left(call.sid, participant.conferenceSid);
        }
    }

    private static String describe(String reason, VoiceParticipant ending) {
        return switch (reason) {
            case "conference-ended-via-api" -> "Conference ended via API";
            case "participant-with-end-conference-on-exit-left" ->
                    "Participant " + ending.callSid + " with endConferenceOnExit left the conference";
            case "participant-with-end-conference-on-exit-kicked" ->
                    "Participant " + ending.callSid + " with endConferenceOnExit was kicked from the conference";
            case "last-participant-kicked" -> "Last participant was kicked from the conference";
            default -> "Last participant left the conference";
        };
    }

    // --- participant updates ---------------------------------------------------------------------------

    void setMuted(VoiceConference conference, VoiceParticipant participant, boolean muted) {
        if (participant.muted != muted) {
            participant.muted = muted;
            touch(conference, participant);
            callbacks.participantEvent(conference, muted ? "participant-mute" : "participant-unmute", participant, Map.of());
            endpoints.participantChanged(participant);
        }
    }

    /** @return true when the participant is now held and its hold media must be (re)started */
    boolean setHold(VoiceConference conference, VoiceParticipant participant, boolean hold, String holdUrl,
                    String holdMethod) {
        boolean newMedia = holdUrl != null && !holdUrl.equals(participant.holdUrl);
        if (holdUrl != null) {
            participant.holdUrl = holdUrl;
            participant.holdMethod = holdMethod;
        }
        boolean changed = participant.hold != hold;
        if (changed) {
            participant.hold = hold;
            touch(conference, participant);
            callbacks.participantEvent(conference, hold ? "participant-hold" : "participant-unhold", participant, Map.of());
            endpoints.participantChanged(participant);
        }
        return hold && participant.holdUrl != null && (changed || newMedia);
    }

    /** One {@code participant-modify} for any change of BeepOnExit, EndConferenceOnExit, Coaching or WaitUrl. */
    void modify(VoiceConference conference, VoiceParticipant participant, Boolean endConferenceOnExit,
                Boolean coaching, String callSidToCoach, Boolean beepOnExit, String waitUrl) {
        boolean changed = false;
        if (endConferenceOnExit != null && endConferenceOnExit != participant.endConferenceOnExit) {
            participant.endConferenceOnExit = endConferenceOnExit;
            changed = true;
        }
        if (coaching != null && coaching != participant.coaching) {
            participant.coaching = coaching;
            changed = true;
        }
        if (callSidToCoach != null && !callSidToCoach.equals(participant.callSidToCoach)) {
            participant.callSidToCoach = callSidToCoach;
            changed = true;
        }
        if (beepOnExit != null && beepOnExit != participant.beepOnExit) {
            participant.beepOnExit = beepOnExit;
            changed = true;
        }
        if (waitUrl != null && !waitUrl.equals(participant.waitUrl)) {
            participant.waitUrl = waitUrl;
            changed = true;
        }
        if (changed) {
            touch(conference, participant);
            callbacks.participantEvent(conference, "participant-modify", participant, Map.of());
            endpoints.participantChanged(participant);
        }
    }

    /**
     * Plays an announcement to one participant. Call logic gives media no duration, so {@code announcement-end} follows
     * at once; with media on, the participant hears the audio at the URL over RTP, in real time, instead of the mix.
     */
    void announceTo(VoiceConference conference, VoiceParticipant participant, String announceUrl, String announceMethod) {
        participant.announceUrl = announceUrl;
        participant.announcementsHeard++;
        conference.announcements++;
        endpoints.participantChanged(participant);
        hear(participant, announceUrl, announceMethod);
        callbacks.participantEvent(conference, "announcement-end", participant, Map.of("AnnounceUrl", announceUrl));
    }

    /** {@code AnnounceUrl} on the Conference resource: heard by everyone, one conference-wide {@code announcement-end}. */
    void announceToAll(VoiceConference conference, String announceUrl, String announceMethod) {
        conference.announcements++;
        for (VoiceParticipant participant : List.copyOf(conference.participants.values())) {
            if (participant.joined()) {
                participant.announceUrl = announceUrl;
                participant.announcementsHeard++;
                endpoints.participantChanged(participant);
                hear(participant, announceUrl, announceMethod);
            }
        }
        callbacks.conferenceEvent(conference, "announcement-end", Map.of("AnnounceUrl", announceUrl));
    }

    /** The party's call requests the announcement and hears a TwiML one's {@code <Say>} ({@link Calls#hearAnnouncement}). */
    private void hear(VoiceParticipant participant, String announceUrl, String announceMethod) {
        VoiceCall call = calls.get(participant.callSid);
        if (call != null) {
            calls.hearAnnouncement(call, announceUrl, announceMethod);
        }
    }

    private void touch(VoiceConference conference, VoiceParticipant participant) {
        participant.dateUpdated = context.clock.now();
        conference.dateUpdated = participant.dateUpdated;
    }

    /** The participant of an active conference addressed by call SID or by label (a {@code +} in a label is a space). */
    VoiceParticipant requireParticipant(VoiceConference conference, String callSidOrLabel) {
        VoiceParticipant participant = conference.active() ? conference.participants.get(callSidOrLabel) : null;
        if (participant == null && conference.active()) {
            participant = conference.byLabel(callSidOrLabel);
            if (participant == null && callSidOrLabel.contains("+")) {
                participant = conference.byLabel(callSidOrLabel.replace('+', ' '));
            }
        }
        if (participant == null) {
            throw TwilioApiException.notFound("Participant", callSidOrLabel);
        }
        return participant;
    }
}
