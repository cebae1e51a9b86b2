package dev.lifeline.server.twilio;

import static dev.lifeline.server.twilio.TwilioHttp.call;
import static dev.lifeline.server.twilio.TwilioHttp.ignoringNotFound;
import static dev.lifeline.server.twilio.TwilioHttp.status;
import static dev.lifeline.server.twilio.TwilioHttp.translate;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Programmable Voice call the server makes: conferences, their participants, and calls. Each method is safe to
 * repeat: an operation whose target is already in the wanted state (an ended conference, a call already over) is a
 * no-op, so the outbox may retry any of them after a crash.
 */
public final class VoiceGateway {

    private final TwilioRestClient client;

    private VoiceGateway(TwilioRestClient client) {
        this.client = client;
    }

    /** Over an SDK client (the server gets its gateways from {@link TwilioConnection}; tests build their own). */
    public static VoiceGateway over(TwilioRestClient client) {
        return new VoiceGateway(client);
    }

    // Conferences and participants //

    public void announce(String conferenceSid, String url) {
        call("announce to " + conferenceSid, () -> Conference.updater(conferenceSid).setAnnounceUrl(url).update(client));
    }

    /**
     * Ends the conference; already ended counts as done. Twilio answers an ended conference with 404 once it has
     * aged out, and with 400 "is not in progress" before that (the customer's leg ended it on exit, say), so a
     * 400 is checked against the conference's own status instead of being taken for a refusal.
     */
    public void endConference(String conferenceSid) {
        try {
            ignoringNotFound("end " + conferenceSid,
                    () -> Conference.updater(conferenceSid).setStatus(Conference.UpdateStatus.COMPLETED).update(client));
        } catch (TwilioGatewayException e) {
            if (e.status() != 400 || !conferenceCompleted(conferenceSid)) {
                throw e;
            }
        }
    }

    private boolean conferenceCompleted(String conferenceSid) {
        try {
            return Conference.fetcher(conferenceSid).fetch(client).getStatus() == Conference.Status.COMPLETED;
        } catch (ApiException e) {
            return status(e) == 404;
        }
    }

    public void hold(String conferenceSid, String callSid, boolean hold, String holdUrl) {
        call("hold " + callSid, () -> {
            var updater = Participant.updater(conferenceSid, callSid).setHold(hold);
            if (hold && holdUrl != null) {
                updater.setHoldUrl(holdUrl);
            }
            return updater.update(client);
        });
    }

    /**
     * Takes a participant off hold; one no longer in the conference (404) has nothing to stop. Unholding a participant
     * not on hold changes nothing at Twilio, so this needs no check first.
     *
     * @return false when the participant was gone
     */
    public boolean unhold(String conferenceSid, String callSid) {
        try {
            Participant.updater(conferenceSid, callSid).setHold(false).update(client);
            return true;
        } catch (ApiException e) {
            if (status(e) == 404) {
                return false;
            }
            throw translate("unhold " + callSid, e);
        }
    }

    /**
     * Dials {@code to} into the live conference {@code conferenceSid} with the join's label, flags and status callbacks
     * (the rejoin's dial). Repeated while the first leg is there (ringing or connected), Twilio refuses it because its
     * label is in use ({@link TwilioGatewayException#isParticipantLabelInUse()}): the label makes it idempotent.
     *
     * @return the new leg's call SID
     * @throws TwilioGatewayException 404 when the conference is over
     */
    public String dialIntoConference(String conferenceSid, String to, String from, ConferenceJoin join) {
        return dial(conferenceSid, from == null ? "Lifeline" : from, to, join, false).callSid();
    }

    /**
     * Dials {@code to} into the conference named {@code conferenceName} (Participants API create; a name that no
     * live conference has creates one). Not safe to repeat: each call dials again, so a caller that may run twice
     * (the outbox) checks Twilio's participant list first.
     *
     * @param to a {@code +E164} number or a {@code sip:} address
     */
    public DialledParticipant dial(String conferenceName, String from, String to, ConferenceJoin join, boolean earlyMedia) {
        com.twilio.type.Endpoint toEndpoint = to.startsWith("sip:") ? new com.twilio.type.Sip(to) : new com.twilio.type.PhoneNumber(to);
        Participant dialled = call("dial " + join.label() + " into " + conferenceName, () -> Participant
                .creator(conferenceName, new com.twilio.type.PhoneNumber(from), toEndpoint)
                .setLabel(join.label())
                .setEndConferenceOnExit(join.endConferenceOnExit())
                .setStartConferenceOnEnter(join.startConferenceOnEnter())
                .setMuted(join.muted())
                .setBeep("false")
                .setEarlyMedia(earlyMedia)
                .setConferenceStatusCallback(join.statusCallbackUrl())
                .setConferenceStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
                .setConferenceStatusCallbackEvent(join.statusCallbackEvents())
                .create(client));
        return new DialledParticipant(dialled.getCallSid(), dialled.getConferenceSid());
    }

    /**
     * Dials a supervisor in to listen: muted and coaching {@code callSidToCoach}, so nobody hears them until a whisper
     * (only that leg then) or a barge ({@link #coach}). Not safe to repeat (the outbox checks the participant list first).
     *
     * @return the supervisor leg's call SID
     */
    public String dialCoach(String conferenceSid, String to, String from, ConferenceJoin join, String callSidToCoach) {
        Participant dialled = call("dial " + join.label() + " into " + conferenceSid, () -> Participant
                .creator(conferenceSid, new com.twilio.type.PhoneNumber(from), new com.twilio.type.Sip(to))
                .setLabel(join.label())
                .setEndConferenceOnExit(false)
                .setStartConferenceOnEnter(join.startConferenceOnEnter())
                .setMuted(true)
                .setCoaching(true)
                .setCallSidToCoach(callSidToCoach)
                .setBeep("false")
                .setConferenceStatusCallback(join.statusCallbackUrl())
                .setConferenceStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
                .setConferenceStatusCallbackEvent(join.statusCallbackEvents())
                .create(client));
        return dialled.getCallSid();
    }

    /**
     * Sets who hears a coaching leg: {@code Muted} and {@code Coaching} (with {@code CallSidToCoach} while coaching).
     *
     * @return false when the leg was no longer in the conference (404)
     */
    public boolean coach(String conferenceSid, String callSidOrLabel, boolean muted, boolean coaching, String callSidToCoach) {
        try {
            var updater = Participant.updater(conferenceSid, callSidOrLabel).setMuted(muted).setCoaching(coaching);
            if (coaching && callSidToCoach != null) {
                updater.setCallSidToCoach(callSidToCoach);
            }
            updater.update(client);
            return true;
        } catch (ApiException e) {
            if (status(e) == 404) {
                return false;
            }
            throw translate("coach " + callSidOrLabel, e);
        }
    }

    /** Kicks a participant (by call SID or label); one already gone counts as done. */
    public void removeParticipant(String conferenceSid, String callSidOrLabel) {
        ignoringNotFound("remove " + callSidOrLabel + " from " + conferenceSid,
                () -> Participant.deleter(conferenceSid, callSidOrLabel).delete(client));
    }

    /** A leg the Participants API dialled: its call and the conference it joins. */
    public record DialledParticipant(String callSid, String conferenceSid) {
    }

    public void mute(String conferenceSid, String callSid, boolean muted) {
        call("mute " + callSid, () -> Participant.updater(conferenceSid, callSid).setMuted(muted).update(client));
    }

    public void setEndConferenceOnExit(String conferenceSid, String callSid, boolean value) {
        call("endConferenceOnExit " + callSid,
                () -> Participant.updater(conferenceSid, callSid).setEndConferenceOnExit(value).update(client));
    }

    /** The conference's current participants; an ended conference has none. */
    public List<ParticipantState> participants(String conferenceSid) {
        List<ParticipantState> result = new ArrayList<>();
        try {
            for (Participant p : Participant.reader(conferenceSid).read(client)) {
                result.add(state(p));
            }
        } catch (ApiException e) {
            if (status(e) != 404) {
                throw translate("list participants of " + conferenceSid, e);
            }
        }
        return result;
    }

    /** The participant, or empty when it is not (or no longer) in the conference. */
    public Optional<ParticipantState> participant(String conferenceSid, String callSid) {
        try {
            return Optional.of(state(Participant.fetcher(conferenceSid, callSid).fetch(client)));
        } catch (ApiException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw translate("fetch participant " + callSid, e);
        }
    }

    private static ParticipantState state(Participant p) {
        return new ParticipantState(p.getCallSid(), p.getLabel(), Boolean.TRUE.equals(p.getHold()),
                Boolean.TRUE.equals(p.getMuted()), Boolean.TRUE.equals(p.getEndConferenceOnExit()),
                p.getStatus() == null ? null : p.getStatus().toString());
    }

    /** The SID of the in-progress conference with this friendly name (TaskRouter names them by task SID). */
    public Optional<String> conferenceSidByName(String friendlyName) {
        return call("find conference " + friendlyName, () -> {
            for (Conference conference : Conference.reader().setFriendlyName(friendlyName)
                    .setStatus(Conference.Status.IN_PROGRESS).read(client)) {
                return Optional.of(conference.getSid());
            }
            return Optional.<String>empty();
        });
    }

    /**
     * Every in-progress conference of the account (the SDK reader follows Twilio's pages, of Twilio's largest size: one
     * request for 500 live calls instead of ten of the default 50, as the conference audit reads it every sweep).
     */
    public List<ConferenceSummary> activeConferences() {
        return call("list in-progress conferences", () -> {
            List<ConferenceSummary> result = new ArrayList<>();
            for (Conference conference : Conference.reader().setStatus(Conference.Status.IN_PROGRESS).setPageSize(1000L)
                    .read(client)) {
                result.add(new ConferenceSummary(conference.getSid(), conference.getFriendlyName()));
            }
            return result;
        });
    }

    // Calls //

    /** @return the call's status ({@code in-progress}, {@code completed}, …), or {@code null} if Twilio does not know it */
    public String callStatus(String callSid) {
        try {
            Call call = Call.fetcher(callSid).fetch(client);
            return call.getStatus() == null ? null : call.getStatus().toString();
        } catch (ApiException e) {
            if (status(e) == 404) {
                return null;
            }
            throw translate("fetch call " + callSid, e);
        }
    }

    /**
     * Calls a number with Answering Machine Detection ({@code MachineDetection=Enable}, synchronous): Twilio requests
     * {@code url} once it knows who answered ({@code AnsweredBy}), and posts the call's end to {@code statusCallback}
     * ({@code completed}: {@code CallStatus} busy, no-answer, failed or completed). Not safe to repeat: each call dials.
     *
     * @return the new call's SID
     */
    public String callDetectingMachines(String to, String from, String url, String statusCallback) {
        return call("call " + to + " with machine detection", () -> Call.creator(new com.twilio.type.PhoneNumber(to),
                new com.twilio.type.PhoneNumber(from), java.net.URI.create(url))
                // Method: POST, the default (this SDK version has no setter for it).
                .setMachineDetection("Enable")
                .setStatusCallback(java.net.URI.create(statusCallback))
                .setStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
                .setStatusCallbackEvent(List.of("completed"))
                .create(client)).getSid();
    }

    public void redirect(String callSid, String twiml) {
        call("redirect " + callSid, () -> Call.updater(callSid).setTwiml(twiml).update(client));
    }

    public void hangUp(String callSid) {
        ignoringNotFound("hang up " + callSid, () -> Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client));
    }
}
