package dev.lifeline.server.callcontrol;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.taskrouter.TaskCaller;
import dev.lifeline.server.timers.WaitFor;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers and adding an agent, the way Flex does them: a new task for the target (an agent through the voice
 * workflow's "Direct to an Agent" filter, or the voice queue) carries the customer's conference; when the target
 * accepts it, the server dials the target's softphone into that conference and registers the target's leg with the
 * target's own task, so a later drop of that leg is recovered for the target with the target's task.
 *
 * <ul>
 * <li>cold: the customer hears hold music, the transferring agent leaves at once (on purpose: no drop), and the customer
 *     comes off hold when the target is there. If the target does not take it, the workflow offers it to everyone
 *     after its "Direct to an Agent" step, so the customer is never left waiting for nobody;</li>
 * <li>warm: the customer is on hold while the two agents talk; complete = the transferring agent leaves and the customer
 *     comes off hold; cancel = the target leaves (or is no longer offered it) and the customer comes off hold;</li>
 * <li>add: the agent joins as a third party, nobody is held.</li>
 * </ul>
 * Every step is claimed (the same request twice, or on two servers, runs once) and reads TaskRouter's record of the
 * transfer (the task's {@link TransferAttributes#TRANSFER} block) before it acts. Starting, completing and cancelling one
 * is durable ({@link TransferSteps}): a member that dies half way leaves a record another member's
 * {@link TransferSweeper} finishes.
 */
public final class Transfers {

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);
    private static final List<String> OPEN_STATUSES = List.of("pending", "reserved", "assigned");
    /** A transfer nobody takes in this long is cancelled by TaskRouter. */
    private static final int TASK_TIMEOUT_SECONDS = 600;

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final EffectLeases claims;
    private final String voiceWorkflowSid;
    private final String voiceQueueSid;
    private final String voiceQueueName;
    private final String conferenceCallbackUrl;
    private final Function<String, Optional<String>> workerOfIdentity;
    private final Duration answerWait;
    private final Duration queueTimeout;
    private final TransferJobs jobs;
    private final TransferSteps steps;

    /**
     * @param workerOfIdentity the TaskRouter worker of an agent identity, empty for someone who takes no calls
     * @param answerWait       how long the target's softphone may take to answer its leg
     * @param queueTimeout     how long a transfer to the queue waits to be taken ({@code transfer.queue-timeout}): the
     *                         task's TaskRouter timeout, after which {@link UntakenTransfers} brings the customer back
     * @param jobs             the transfers being started, cluster-wide, for a surviving member to finish
     */
    public Transfers(VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryEngine engine, EffectLeases claims,
                     String voiceWorkflowSid, String voiceQueueSid, String voiceQueueName, String conferenceCallbackUrl,
                     Function<String, Optional<String>> workerOfIdentity, Duration answerWait, Duration queueTimeout,
                     TransferJobs jobs) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.claims = claims;
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.voiceQueueSid = voiceQueueSid;
        this.voiceQueueName = voiceQueueName;
        this.conferenceCallbackUrl = conferenceCallbackUrl;
        this.workerOfIdentity = workerOfIdentity;
        this.answerWait = answerWait;
        this.queueTimeout = queueTimeout;
        this.jobs = jobs;
        this.steps = new TransferSteps(voice, taskRouter, engine, claims, jobs, voiceWorkflowSid);
    }

    /** The sweeper that finishes, on this member, transfers a member left half done ({@link TransferSteps}). */
    public TransferSweeper sweeper() {
        return new TransferSweeper(steps, jobs);
    }

    /**
     * Offers the caller's customer to {@code agent} or to {@code queue} (exactly one). @return the transfer task's SID
     */
    public String transfer(String workerSid, String conferenceSid, String agent, String queue, TransferKind kind) {
        AgentCall call = AgentCall.of(engine, workerSid, conferenceSid);
        String customer = call.presentCustomer();
        String targetWorker = agent == null ? null : availableAgent(workerSid, agent);
        if (queue != null && !queue.equals(voiceQueueSid) && !queue.equalsIgnoreCase(voiceQueueName)) {
            throw new ApiProblem(Problem.notFound("queue", queue));
        }
        String claim = claimOf(conferenceSid);
        if (!claims.tryClaim(claim)) {
            throw new ApiProblem(Problem.conflict("A transfer of this call is being started already"));
        }
        try {
            if (steps.underWay(conferenceSid)) {
                // Left half started by a request that failed or a member that died: the sweeper finishes it.
                throw new ApiProblem(Problem.conflict("A transfer of this call is being started already"));
            }
            if (!openTransfers(conferenceSid).isEmpty()) {
                throw new ApiProblem(Problem.conflict("A transfer of this call is under way already: complete or cancel it first"));
            }
            TransferAttributes transfer = new TransferAttributes(conferenceSid, customer, workerSid, kind, TransferState.OFFERED);
            String transferId = UUID.randomUUID().toString();
            TransferJob started = steps.run(new TransferJob(transferId, conferenceSid, customer, workerSid,
                    call.myLeg().callSid(), call.myLeg().worker().taskSid(), kind,
                    TransferSteps.withTransferId(transfer.onto(call.taskAttributes(), targetWorker), transferId),
                    queue != null ? (int) queueTimeout.toSeconds() : TASK_TIMEOUT_SECONDS, null, null, TransferJob.stepsOf(kind)));
            log.info("{} {} transfer of {} to {} (task {})", workerSid, kind, conferenceSid, agent != null ? agent : "the queue",
                    started.taskSid());
            return started.taskSid();
        } finally {
            claims.release(claim);
        }
    }

    private String availableAgent(String workerSid, String agent) {
        String target = workerOfIdentity.apply(agent).orElseThrow(() -> new ApiProblem(Problem.notFound("agent", agent)));
        if (target.equals(workerSid)) {
            throw new ApiProblem(Problem.conflict("You are on this call already"));
        }
        if (!taskRouter.fetchWorker(target).map(WorkerState::available).orElse(false)) {
            throw new ApiProblem(Problem.conflict(agent + " is not Available"));
        }
        if (!engine.conferences().withWorkerPresent(target).isEmpty()) {
            throw new ApiProblem(Problem.conflict(agent + " is on another call"));
        }
        return target;
    }

    /**
     * True when the task is a transfer the server must join itself (instead of the conference instruction). A recovery's
     * reconnect task copies the dropped agent's task, transfer block and all, but is joined the recovery's way.
     */
    public static boolean isTransfer(TaskAttributes attributes) {
        return TransferAttributes.of(attributes).isPresent() && !attributes.has(RecoveryAttributes.LIFELINE_INCIDENT);
    }

    /**
     * The target accepts the transfer task: their softphone is dialled into the customer's conference, and once it is
     * there the reservation is accepted and the leg registered with the target's own task. A softphone that does not
     * answer leaves the reservation pending (TaskRouter offers it on) and answers 409.
     */
    public void accept(OutboundAgent target, String taskSid, String workflowSid, String reservationSid, TaskAttributes attributes) {
        TransferAttributes transfer = TransferAttributes.of(attributes).orElseThrow();
        String conferenceSid = transfer.conferenceSid();
        String claim = claimOf(conferenceSid);
        if (!claims.tryClaim(claim)) {
            throw new ApiProblem(Problem.conflict("The transfer is changing right now; try again"));
        }
        try {
            TransferState now = taskRouter.taskDetails(taskSid).map(t -> TaskAttributesJson.read(t.attributesJson()))
                    .flatMap(TransferAttributes::of).map(TransferAttributes::state).orElse(TransferState.CANCELLED);
            if (now != TransferState.OFFERED) {
                throw new ApiProblem(Problem.conflict("This transfer is " + now.wire() + " already"));
            }
            boolean customerThere = engine.conference(conferenceSid).map(c -> c.customerPresent()).orElse(false);
            if (!customerThere) {
                taskRouter.cancelTask(taskSid, "the customer hung up before the transfer was taken");
                throw new ApiProblem(Problem.conflict("The customer has hung up"));
            }
            String leg = voice.dialIntoConference(conferenceSid, target.sipAddress(), TaskCaller.number(attributes),
                    new ConferenceJoin(target.identity(), false, true, false, conferenceCallbackUrl, ConferenceJoin.STATUS_EVENTS));
            boolean answered = WaitFor.present(answerWait, () -> engine.conference(conferenceSid)
                    .flatMap(record -> record.participant(leg)).filter(Participant::present)).isPresent();
            if (!answered) {
                voice.hangUp(leg);
                throw new ApiProblem(Problem.conflict("Your softphone did not answer: check that it is signed in, then try again"));
            }
            taskRouter.acceptReservation(taskSid, reservationSid);
            TransferState next = switch (transfer.kind()) {
                case COLD -> TransferState.COMPLETED;
                case WARM -> TransferState.CONSULTING;
                case ADD -> TransferState.JOINED;
            };
            // Registered with the task as it now reads: a recovery's ping and reconnect copy these attributes.
            TaskAttributes taken = attributes.mergedWith(TaskAttributes.of(TransferAttributes.movedTo(next)));
            engine.registerWorker(new WorkerRegistration(conferenceSid, leg, transfer.customerCallSid(),
                    new WorkerAssignment(target.workerSid(), target.displayName(), reservationSid, taskSid, workflowSid, taken)));
            taskRouter.mergeTaskAttributes(taskSid, TransferAttributes.movedTo(next));
            if (transfer.kind() == TransferKind.COLD) {
                voice.unhold(conferenceSid, transfer.customerCallSid());
            }
            log.info("{} took the {} transfer of {} (task {})", target.identity(), transfer.kind(), conferenceSid, taskSid);
        } finally {
            claims.release(claim);
        }
    }

    /** Warm: the target is on the call; the customer comes off hold and the transferring agent leaves. */
    public void complete(String workerSid, String conferenceSid) {
        AgentCall call = AgentCall.of(engine, workerSid, conferenceSid);
        withMyWarmTransfer(call, workerSid, (task, transfer) -> {
            if (transfer.state() != TransferState.CONSULTING) {
                throw new ApiProblem(Problem.conflict("The agent you are transferring to has not joined yet"));
            }
            steps.run(warmJob(call, task, transfer, null, TransferJob.WARM_COMPLETE));
        });
    }

    /** Warm: the target leaves (or is no longer offered the call) and the customer comes off hold. */
    public void cancel(String workerSid, String conferenceSid) {
        AgentCall call = AgentCall.of(engine, workerSid, conferenceSid);
        withMyWarmTransfer(call, workerSid, (task, transfer) -> {
            String targetLeg = call.conference().participants().values().stream()
                    .filter(p -> p.present() && p.worker() != null && p.worker().taskSid().equals(task.sid()))
                    .map(Participant::callSid).findFirst().orElse(null);
            steps.run(warmJob(call, task, transfer, targetLeg, TransferJob.WARM_CANCEL));
        });
    }

    /** Completing or cancelling, made durable the way a start is ({@link TransferSteps}). */
    private static TransferJob warmJob(AgentCall call, TaskDetails task, TransferAttributes transfer, String targetLegOrNull,
                                       List<TransferJob.Step> steps) {
        return new TransferJob(UUID.randomUUID().toString(), call.conferenceSid(), transfer.customerCallSid(),
                transfer.fromWorkerSid(), call.myLeg().callSid(), call.myLeg().worker().taskSid(), TransferKind.WARM,
                null, 0, task.sid(), targetLegOrNull, steps);
    }

    private void withMyWarmTransfer(AgentCall call, String workerSid, java.util.function.BiConsumer<TaskDetails, TransferAttributes> step) {
        String claim = claimOf(call.conferenceSid());
        if (!claims.tryClaim(claim)) {
            throw new ApiProblem(Problem.conflict("The transfer is changing right now; try again"));
        }
        try {
            if (steps.underWay(call.conferenceSid())) {
                // Left half done by a member that died: the sweeper finishes it.
                throw new ApiProblem(Problem.conflict("The transfer is changing right now; try again"));
            }
            TaskDetails task = openTransfers(call.conferenceSid()).stream()
                    .filter(t -> transferOf(t).map(tr -> tr.kind() == TransferKind.WARM && workerSid.equals(tr.fromWorkerSid()))
                            .orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new ApiProblem(Problem.conflict("No warm transfer of this call is under way")));
            step.accept(task, transferOf(task).orElseThrow());
        } finally {
            claims.release(claim);
        }
    }

    /** Transfer tasks of the conference that are still in flight, as TaskRouter holds them now. */
    public List<TaskDetails> openTransfers(String conferenceSid) {
        return taskRouter.tasks(voiceWorkflowSid, OPEN_STATUSES).stream()
                .filter(t -> transferOf(t).filter(tr -> tr.conferenceSid().equals(conferenceSid) && tr.state().inFlight()).isPresent())
                .toList();
    }

    /** The transfer block of a transfer task; empty for any other task, a recovery's copies included. */
    private static Optional<TransferAttributes> transferOf(TaskDetails task) {
        TaskAttributes attributes = TaskAttributesJson.read(task.attributesJson());
        return isTransfer(attributes) ? TransferAttributes.of(attributes) : Optional.empty();
    }

    static String claimOf(String conferenceSid) {
        return "call-control/" + conferenceSid + "/transfer";
    }
}
