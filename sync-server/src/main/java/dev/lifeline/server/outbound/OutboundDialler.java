package dev.lifeline.server.outbound;

import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.OutboundTaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.ReservationState;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioGatewayException;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.VoiceGateway.DialledParticipant;
import dev.lifeline.server.timers.WaitFor;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places an agent's outbound call the way an inbound one ends up, so that recovery treats both alike:
 * <ol>
 * <li>a task on the voice workflow with {@code targetWorkerSid} (the "Direct to an Agent" filter) takes the agent's
 *     voice capacity first, so no queued caller is offered to an agent who is dialling; the server accepts its
 *     reservation at once (the agent asked for the call: there is nothing to offer);</li>
 * <li>the agent's SIP leg is dialled into a conference named by the task, as the conference instruction names
 *     inbound ones, with {@code endConferenceOnExit=false} (a dropped agent must not end the customer's call);</li>
 * <li>once the agent's leg is in, the number is dialled with the contact centre's caller ID, with
 *     {@code endConferenceOnExit=true} as an inbound customer has;</li>
 * <li>the task gets the called party's leg as {@code call_sid} and the engine registers the two legs, the called
 *     party as the customer (seed §8.16), so a drop of the agent's leg is recovered exactly like an inbound call.</li>
 * </ol>
 * Any step that fails undoes the earlier ones (task finished, agent's leg hung up) and answers 409 or 502.
 */
public final class OutboundDialler {

    private static final Logger log = LoggerFactory.getLogger(OutboundDialler.class);
    private static final Set<String> BUSY_RESERVATIONS = Set.of("pending", "accepted", "wrapping");
    /** A task nobody takes in this long is cancelled by TaskRouter; the request gives up long before. */
    private static final int TASK_TIMEOUT_SECONDS = 120;
    public static final String CUSTOMER_LABEL = "customer";
    /** TaskRouter offers a task in well under a second; a loaded emulator or a far region may take longer. */
    public static final Duration OFFER_WAIT = Duration.ofSeconds(10);
    /** The desktop answers its own leg at once; a SIP round trip over a bad network may take a few seconds. */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(20);

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final String voiceWorkflowSid;
    private final String conferenceCallbackUrl;
    private final String callerId;
    private final Duration offerWait;
    private final Duration answerWait;

    /**
     * @param callerId   the contact centre's number the called party sees ({@code outbound.caller-id}); null = none
     * @param offerWait  how long TaskRouter may take to offer the task to the agent
     * @param answerWait how long the agent's softphone may take to answer its leg
     */
    public OutboundDialler(VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryEngine engine, String voiceWorkflowSid,
                           String conferenceCallbackUrl, String callerId, Duration offerWait, Duration answerWait) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.conferenceCallbackUrl = conferenceCallbackUrl;
        this.callerId = callerId;
        this.offerWait = offerWait;
        this.answerWait = answerWait;
    }

    public CallPlaced place(OutboundAgent agent, String to) {
        try {
            requireFree(agent);
            return dial(agent, to);
        } catch (TwilioGatewayException e) {
            log.warn("outbound call of {} failed: {}", agent.identity(), e.getMessage());
            throw new ApiProblem(e.status() >= 400 && e.status() < 500
                    ? Problem.conflict("Twilio refused the call: " + e.getMessage())
                    : new Problem(Problem.ABOUT_BLANK, "Bad gateway", 502, "Twilio could not be reached; try again", null, null));
        }
    }

    private void requireFree(OutboundAgent agent) {
        if (callerId == null || callerId.isBlank()) {
            throw new ApiProblem(Problem.conflict("Outbound calls are not set up: the server has no caller ID (outbound.caller-id)"));
        }
        boolean available = taskRouter.fetchWorker(agent.workerSid()).map(w -> w.available()).orElse(false);
        if (!available) {
            throw new ApiProblem(Problem.conflict("You are not Available: set yourself Available to place a call"));
        }
        if (!engine.conferences().withWorkerPresent(agent.workerSid()).isEmpty()
                || !engine.incidents().openIncidentsOf(agent.workerSid()).isEmpty()) {
            throw new ApiProblem(Problem.conflict("You are already on a call"));
        }
        boolean holdsTask = taskRouter.workerReservations(agent.workerSid()).stream()
                .anyMatch(r -> BUSY_RESERVATIONS.contains(r.status()));
        if (holdsTask) {
            throw new ApiProblem(Problem.conflict("You already have a task: finish it before placing a call"));
        }
    }

    private CallPlaced dial(OutboundAgent agent, String to) {
        TaskAttributes attributes = OutboundTaskAttributes.beforeDialling(callerId, to, agent.workerSid(), agent.identity());
        String taskSid = taskRouter.createTask(voiceWorkflowSid, TaskAttributesJson.write(attributes), TASK_TIMEOUT_SECONDS, 0, "voice");
        Optional<ReservationState> offered = WaitFor.present(offerWait, () -> taskRouter.taskReservations(taskSid).stream()
                .filter(r -> r.workerSid().equals(agent.workerSid()) && "pending".equals(r.status())).findFirst());
        if (offered.isEmpty()) {
            taskRouter.cancelTask(taskSid, "not offered to " + agent.identity() + " in time");
            throw new ApiProblem(Problem.conflict("TaskRouter did not give you the call; try again"));
        }
        String reservationSid = offered.get().sid();
        taskRouter.acceptReservation(taskSid, reservationSid);
        // The agent's phone shows the number it is calling (From is only the SIP identity on a SIP leg).
        DialledParticipant agentLeg = voice.dial(taskSid, to, agent.sipAddress(),
                join(agent.identity(), false), false);
        boolean answered = WaitFor.present(answerWait, () -> engine.conference(agentLeg.conferenceSid())
                .flatMap(record -> record.participant(agentLeg.callSid())).filter(Participant::present)).isPresent();
        if (!answered) {
            voice.hangUp(agentLeg.callSid());
            taskRouter.completeTask(taskSid, "the agent's softphone did not answer");
            throw new ApiProblem(Problem.conflict("Your softphone did not answer: check that it is signed in, then try again"));
        }
        DialledParticipant customerLeg = voice.dial(taskSid, callerId, to, join(CUSTOMER_LABEL, true), true);
        taskRouter.mergeTaskAttributes(taskSid, OutboundTaskAttributes.dialled(customerLeg.callSid(), agentLeg.conferenceSid()));
        TaskAttributes reported = attributes.mergedWith(TaskAttributes.of(
                OutboundTaskAttributes.dialled(customerLeg.callSid(), agentLeg.conferenceSid())));
        engine.registerWorker(new WorkerRegistration(agentLeg.conferenceSid(), agentLeg.callSid(), customerLeg.callSid(),
                new WorkerAssignment(agent.workerSid(), agent.displayName(), reservationSid, taskSid, voiceWorkflowSid, reported)));
        log.info("{} calls out (task {}, conference {})", agent.identity(), taskSid, agentLeg.conferenceSid());
        return new CallPlaced(taskSid, agentLeg.conferenceSid(), customerLeg.callSid());
    }

    private ConferenceJoin join(String label, boolean endConferenceOnExit) {
        return new ConferenceJoin(label, endConferenceOnExit, true, false, conferenceCallbackUrl, ConferenceJoin.STATUS_EVENTS);
    }
}
