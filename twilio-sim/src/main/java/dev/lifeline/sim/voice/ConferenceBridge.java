package dev.lifeline.sim.voice;

import static dev.lifeline.sim.voice.VoiceParams.DEFAULT_RING_TIMEOUT_SECONDS;
import static dev.lifeline.sim.voice.VoiceParams.callbackSettings;
import static dev.lifeline.sim.voice.VoiceParams.progressSettings;

import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch.WorkerLegListener;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.Set;

/**
 * A reservation's conference instruction on the voice side: ring the worker, and when the worker answers,
 * take the customer out of its queue and put both into the conference named by the task.
 */
final class ConferenceBridge {

    private final SimContext context;
    private final Calls calls;
    private final Conferences conferences;

    ConferenceBridge(SimContext context, Calls calls, Conferences conferences) {
        this.context = context;
        this.calls = calls;
        this.conferences = conferences;
    }

    String connect(ConferenceInstruction instruction, WorkerLegListener listener) {
        synchronized (context.world) {
            VoiceCall customer = instruction.customerCallSid() == null ? null : calls.get(instruction.customerCallSid());
            if (customer == null || customer.status != CallStatus.IN_PROGRESS) {
                throw TwilioApiException.badRequest("The customer call " + instruction.customerCallSid()
                        + " is not in progress");
            }
            if (instruction.to() == null || instruction.to().isBlank()) {
                throw TwilioApiException.missingParameter("To");
            }
            FormParams params = new FormParams(instruction.params());
            ConferenceCallbackSettings callback = callbackSettings(params);
            String identity = instruction.to().startsWith("client:") ? instruction.to().substring(7)
                    : sipUser(instruction.to());
            String beep = params.oneOf("Beep", Set.of("true", "false", "onEnter", "onExit"));
            ParticipantSettings workerSettings = new ParticipantSettings(
                    identity != null ? identity : "worker",
                    params.bool("Muted", false),
                    params.bool("StartConferenceOnEnter", true),
                    params.bool("EndConferenceOnExit", false),
                    beep == null ? "true" : beep,
                    false, null, params.url("WaitUrl"), callback);
            ParticipantSettings customerSettings = new ParticipantSettings(
                    "customer", false, true, params.bool("EndConferenceOnCustomerExit", false),
                    beep == null ? "true" : beep, false, null, null, callback);
            int timeout = params.integer("Timeout", 1, 600, DEFAULT_RING_TIMEOUT_SECONDS);
            CallProgressSettings progress = progressSettings(params, "StatusCallback", "StatusCallbackMethod",
                    "StatusCallbackEvent");
            String conferenceName = instruction.conferenceName();

            VoiceCall leg = calls.create(instruction.from() == null ? customer.to : instruction.from(),
                    instruction.to(), "outbound-api", progress);
            leg.workerLegListener = listener;
            leg.dialledIntoConference = conferenceName;
            leg.count("conferenceInstruction");
            customer.bridgeLegs.add(leg.sid);
            calls.dial(leg, timeout, new VoiceCall.DialOutcome() {
                @Override
                public void answered(VoiceCall workerLeg) {
                    if (customer.status != CallStatus.IN_PROGRESS) {
                        // the customer hung up while the worker's phone rang
                        workerLeg.workerLegListener = null;
                        calls.hangUp(workerLeg, LeaveReason.PARTICIPANT_HUNG_UP, true, "customer-gone");
                        listener.failed(workerLeg.sid, CallStatus.CANCELED.wire());
                        return;
                    }
                    VoiceConference conference = conferences.findOrCreate(conferenceName);
                    calls.takeForBridge(customer);
                    customer.count("bridged");
                    conferences.join(conference, customer, customerSettings);
                    conferences.join(conference, workerLeg, workerSettings);
                    listener.answered(workerLeg.sid, conference.sid);
                }

                @Override
                public void failed(VoiceCall workerLeg, CallStatus status) {
                    listener.failed(workerLeg.sid, status.wire());
                }
            });
            return leg.sid;
        }
    }

    /** The user part of a {@code sip:} address, the worker leg's label as the identity is for {@code client:}. */
    private static String sipUser(String to) {
        if (!to.regionMatches(true, 0, "sip:", 0, 4)) {
            return null;
        }
        int at = to.indexOf('@');
        String user = at > 4 ? to.substring(4, at) : null;
        return user == null || user.isBlank() ? null : user;
    }
}
