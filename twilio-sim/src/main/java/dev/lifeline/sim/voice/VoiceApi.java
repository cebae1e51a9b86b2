package dev.lifeline.sim.voice;

import static dev.lifeline.sim.voice.VoiceParams.DEFAULT_RING_TIMEOUT_SECONDS;
import static dev.lifeline.sim.voice.VoiceParams.callbackSettings;
import static dev.lifeline.sim.voice.VoiceParams.parseTwiml;
import static dev.lifeline.sim.voice.VoiceParams.progressSettings;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 2010-04-01 REST operations on Calls, Conferences and Participants, as {@link VoiceRoutes} maps them.
 * Parameters are validated before the world lock is taken, so a 400 never leaves a half-made change.
 */
final class VoiceApi {

    private final SimContext context;
    private final Calls calls;
    private final Conferences conferences;
    private final MachineDetector machineDetector;

    VoiceApi(SimContext context, Calls calls, Conferences conferences, MachineDetector machineDetector) {
        this.context = context;
        this.calls = calls;
        this.conferences = conferences;
        this.machineDetector = machineDetector;
    }

    Map<String, Object> createCall(FormParams form) {
        // Twilio's Calls resource answers with specific codes, not the generic 20001 (errors 21201, 21213, 21205).
        String to = form.string("To");
        if (to == null) {
            throw new TwilioApiException(400, 21201, "No 'To' number is specified");
        }
        String from = form.string("From");
        if (from == null) {
            throw new TwilioApiException(400, 21213, "No 'From' number is specified");
        }
        String twiml = form.string("Twiml");
        String url;
        try {
            url = form.url("Url");
        } catch (TwilioApiException invalid) {
            throw new TwilioApiException(400, 21205, "Url is not a valid URL: " + form.string("Url"));
        }
        if (form.has("ApplicationSid")) {
            throw TwilioApiException.badRequest("ApplicationSid is not supported by the emulator: use Url or Twiml");
        }
        if (twiml == null && url == null) {
            throw TwilioApiException.badRequest("One of Url, Twiml or ApplicationSid is required");
        }
        if (twiml != null && url != null) {
            throw TwilioApiException.badRequest("Only one of Url or Twiml may be given");
        }
        List<TwimlVerb> program = twiml == null ? List.of() : parseTwiml(twiml);
        int timeout = form.integer("Timeout", 1, 600, DEFAULT_RING_TIMEOUT_SECONDS);
        String method = form.method("Method");
        CallProgressSettings progress = progressSettings(form, "StatusCallback", "StatusCallbackMethod",
                "StatusCallbackEvent");
        MachineDetection amd = MachineDetection.from(form);
        synchronized (context.world) {
            VoiceCall call = calls.create(from, to, "outbound-api", progress);
            call.program = program;
            call.pendingUrl = url;
            call.amd = amd;
            // Twilio answers a create with the call still "queued"; dialling (and its ringing) comes after.
            Map<String, Object> created = VoiceJson.call(context.accountSid, call);
            calls.dial(call, timeout, new VoiceCall.DialOutcome() {
                @Override
                public void answered(VoiceCall answered) {
                    machineDetector.answered(answered, method);
                }

                @Override
                public void failed(VoiceCall failed, CallStatus status) {
                }
            });
            return created;
        }
    }

    Map<String, Object> fetchCall(String sid) {
        synchronized (context.world) {
            return VoiceJson.call(context.accountSid, calls.require(sid));
        }
    }

    List<Map<String, Object>> listCalls(String status, String to, String from) {
        synchronized (context.world) {
            List<Map<String, Object>> list = new ArrayList<>();
            calls.all().stream()
                    .filter(c -> status == null || c.status.wire().equals(status))
                    .filter(c -> to == null || to.equals(c.to))
                    .filter(c -> from == null || from.equals(c.from))
                    .sorted((a, b) -> b.dateCreated.compareTo(a.dateCreated))
                    .forEach(c -> list.add(VoiceJson.call(context.accountSid, c)));
            return list;
        }
    }

    Map<String, Object> updateCall(String sid, FormParams form) {
        String status = form.oneOf("Status", Set.of("canceled", "completed"));
        String twiml = form.string("Twiml");
        String url = form.url("Url");
        String method = form.method("Method");
        if (twiml != null && url != null) {
            throw TwilioApiException.badRequest("Only one of Url or Twiml may be given");
        }
        List<TwimlVerb> program = twiml == null ? null : parseTwiml(twiml);
        synchronized (context.world) {
            VoiceCall call = calls.require(sid);
            call.count("update");
            if (status != null) {
                if (call.status.isFinal()) {
                    return VoiceJson.call(context.accountSid, call); // Twilio answers the unchanged call
                }
                if ("canceled".equals(status) && !call.status.isUnanswered()) {
                    // Twilio: "canceled" only affects queued or ringing calls
                    return VoiceJson.call(context.accountSid, call);
                }
                calls.hangUp(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, true, "api");
            } else if (program != null || url != null) {
                calls.redirect(call, program, url, method);
            }
            return VoiceJson.call(context.accountSid, call);
        }
    }

    Map<String, Object> fetchConference(String sid) {
        synchronized (context.world) {
            return VoiceJson.conference(context.accountSid, conferences.require(sid));
        }
    }

    List<Map<String, Object>> listConferences(String friendlyName, String status) {
        synchronized (context.world) {
            List<Map<String, Object>> list = new ArrayList<>();
            conferences.visible().stream()
                    .filter(c -> friendlyName == null || friendlyName.equals(c.friendlyName))
                    .filter(c -> status == null || status.equals(c.status))
                    .sorted((a, b) -> b.dateCreated.compareTo(a.dateCreated))
                    .forEach(c -> list.add(VoiceJson.conference(context.accountSid, c)));
            return list;
        }
    }

    Map<String, Object> updateConference(String sid, FormParams form) {
        String status = form.oneOf("Status", Set.of("completed"));
        String announceUrl = form.url("AnnounceUrl");
        String announceMethod = form.method("AnnounceMethod");
        synchronized (context.world) {
            VoiceConference conference = conferences.require(sid);
            if (!conference.active() && (status != null || announceUrl != null)) {
                throw new TwilioApiException(400, 20001, "Conference " + sid + " is not in progress");
            }
            if (announceUrl != null) {
                conferences.announceToAll(conference, announceUrl, announceMethod);
            }
            if (status != null) {
                conferences.endViaApi(conference);
            }
            return VoiceJson.conference(context.accountSid, conference);
        }
    }

    Map<String, Object> createParticipant(String conferenceSidOrName, FormParams form) {
        String from = form.required("From");
        String to = form.required("To");
        String label = form.string("Label");
        String beep = form.oneOf("Beep", Set.of("true", "false", "onEnter", "onExit"));
        String callSidToCoach = form.string("CallSidToCoach");
        boolean coaching = coaching(form.bool("Coaching"), callSidToCoach, null);
        ParticipantSettings settings = new ParticipantSettings(
                label,
                form.bool("Muted", false),
                form.bool("StartConferenceOnEnter", true),
                form.bool("EndConferenceOnExit", false),
                beep == null ? "true" : beep,
                coaching,
                callSidToCoach,
                form.url("WaitUrl"),
                callbackSettings(form));
        int timeout = form.integer("Timeout", 5, 600, DEFAULT_RING_TIMEOUT_SECONDS);
        CallProgressSettings progress = progressSettings(form, "StatusCallback", "StatusCallbackMethod",
                "StatusCallbackEvent");
        synchronized (context.world) {
            VoiceConference conference;
            if (conferenceSidOrName.startsWith("CF") && conferenceSidOrName.length() == 34) {
                conference = conferences.require(conferenceSidOrName);
                if (!conference.active()) {
                    throw TwilioApiException.notFound("Conference", conferenceSidOrName);
                }
            } else {
                conference = conferences.activeNamed(conferenceSidOrName);
                if (conference != null && label != null && conference.byLabel(label) != null) {
                    throw TwilioApiException.participantLabelInUse(label);
                }
                if (conference == null) {
                    conference = conferences.findOrCreate(conferenceSidOrName);
                }
            }
            if (label != null && conference.byLabel(label) != null) {
                throw TwilioApiException.participantLabelInUse(label);
            }
            requireCoachable(conference, callSidToCoach);
            VoiceParticipant participant = dialIntoConference(conference, from, to, settings, timeout, progress);
            return VoiceJson.participant(context.accountSid, participant, true);
        }
    }

    private VoiceParticipant dialIntoConference(VoiceConference conference, String from, String to,
                                                ParticipantSettings settings, int timeout, CallProgressSettings progress) {
        VoiceCall call = calls.create(from, to, "outbound-api", progress);
        call.dialledIntoConference = conference.friendlyName;
        VoiceParticipant participant = conferences.addRinging(conference, call, settings);
        calls.dial(call, timeout, new VoiceCall.DialOutcome() {
            @Override
            public void answered(VoiceCall answered) {
                if (!conference.active()) {
                    calls.hangUp(answered, LeaveReason.PARTICIPANT_HUNG_UP, true, "conference-gone");
                    return;
                }
                conferences.join(conference, answered, settings);
            }

            @Override
            public void failed(VoiceCall failed, CallStatus status) {
                VoiceParticipant ringing = conference.participants.get(failed.sid);
                if (ringing != null) {
                    ringing.status = "failed";
                    conferences.leave(ringing, LeaveReason.PARTICIPANT_ADD_FAILED, status.wire(), false);
                }
            }
        });
        return participant;
    }

    Map<String, Object> fetchParticipant(String conferenceSid, String callSidOrLabel) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            return VoiceJson.participant(context.accountSid, conferences.requireParticipant(conference, callSidOrLabel), false);
        }
    }

    List<Map<String, Object>> listParticipants(String conferenceSid, Boolean muted, Boolean hold, Boolean coaching) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            List<Map<String, Object>> list = new ArrayList<>();
            conference.participants.values().stream()
                    .filter(p -> muted == null || p.muted == muted)
                    .filter(p -> hold == null || p.hold == hold)
                    .filter(p -> coaching == null || p.coaching == coaching)
                    .forEach(p -> list.add(VoiceJson.participant(context.accountSid, p, false)));
            return list;
        }
    }

    Map<String, Object> updateParticipant(String conferenceSid, String callSidOrLabel, FormParams form) {
        Boolean muted = form.bool("Muted");
        Boolean hold = form.bool("Hold");
        String holdUrl = form.url("HoldUrl");
        String holdMethod = form.method("HoldMethod");
        String announceUrl = form.url("AnnounceUrl");
        String announceMethod = form.method("AnnounceMethod");
        Boolean endConferenceOnExit = form.bool("EndConferenceOnExit");
        Boolean coachingParam = form.bool("Coaching");
        String callSidToCoach = form.string("CallSidToCoach");
        Boolean beepOnExit = form.bool("BeepOnExit");
        String waitUrl = form.url("WaitUrl");
        form.method("WaitMethod");
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            VoiceParticipant participant = conferences.requireParticipant(conference, callSidOrLabel);
            Boolean coaching = coachingParam == null && callSidToCoach == null ? null
                    : coaching(coachingParam, callSidToCoach, participant.callSidToCoach);
            requireCoachable(conference, callSidToCoach);
            VoiceCall call = calls.get(participant.callSid);
            if (call != null) {
                call.count("participantUpdate");
            }
            conferences.modify(conference, participant, endConferenceOnExit, coaching, callSidToCoach, beepOnExit, waitUrl);
            if (muted != null) {
                conferences.setMuted(conference, participant, muted);
            }
            if ((hold != null || holdUrl != null) && conferences.setHold(conference, participant,
                    hold == null ? participant.hold : hold, holdUrl, holdMethod) && call != null) {
                calls.playHoldMedia(call, participant.holdUrl, participant.holdMethod);
            }
            if (announceUrl != null) {
                conferences.announceTo(conference, participant, announceUrl, announceMethod);
            }
            return VoiceJson.participant(context.accountSid, participant, false);
        }
    }

    /**
     * Twilio's rule for {@code Coaching}: "If not present, defaults to false unless call_sid_to_coach is defined. If
     * true, call_sid_to_coach must be defined" (on the participant already, for an update).
     */
    private static boolean coaching(Boolean coaching, String callSidToCoach, String alreadyCoached) {
        boolean on = coaching != null ? coaching : callSidToCoach != null;
        if (on && callSidToCoach == null && alreadyCoached == null) {
            throw TwilioApiException.badRequest("CallSidToCoach is required when Coaching is true");
        }
        return on;
    }

    /** "The SID of the participant who is being coached": a call that is not a participant cannot be (assumed 400). */
    private static void requireCoachable(VoiceConference conference, String callSidToCoach) {
        if (callSidToCoach != null && !conference.participants.containsKey(callSidToCoach)) {
            throw TwilioApiException.badRequest("CallSidToCoach " + callSidToCoach + " is not a participant of conference "
                    + conference.sid);
        }
    }

    /** Kick: the participant leaves; its call goes on with its next TwiML verb or completes. */
    void deleteParticipant(String conferenceSid, String callSidOrLabel) {
        synchronized (context.world) {
            VoiceConference conference = conferences.require(conferenceSid);
            VoiceParticipant participant = conferences.requireParticipant(conference, callSidOrLabel);
            VoiceCall call = calls.get(participant.callSid);
            if (call == null) {
                conferences.leave(participant, LeaveReason.PARTICIPANT_UPDATED_VIA_API, "completed", true);
                return;
            }
            call.count("kicked");
            if (call.status.isUnanswered()) {
                calls.hangUp(call, LeaveReason.PARTICIPANT_UPDATED_VIA_API, true, "kicked");
                return;
            }
            boolean continues = call.continuesAfterConference();
            conferences.leave(participant, LeaveReason.PARTICIPANT_UPDATED_VIA_API,
                    continues ? "in-progress" : "completed", true);
            calls.leftConference(call, continues);
        }
    }

}
