package dev.lifeline.server.callcontrol;

import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting a transfer, and completing or cancelling a warm one, so that no server's death leaves it half done. The
 * agent's request writes a {@link TransferJob} (keyed by conference, replicated like the incidents) listing the steps
 * still to do, claims it through {@link EffectLeases} (as the engine claims an effect), and carries the steps out,
 * crossing each off as it goes. A start holds the customer, creates the target's task and, cold, ends the agent's leg on
 * purpose and wraps their task; a warm complete marks the task, takes the customer off hold and lets the agent leave; a
 * warm cancel marks the task, ends the target's leg and task and takes the customer off hold.
 * Each step first reads Twilio's current state (is the customer held, is there a task carrying this transfer's id, is
 * the agent's leg over, is the task still assigned), so doing a step again after a member died between acting and
 * crossing it off does nothing a second time.
 *
 * <p>A {@link TransferSweeper} on every member looks at the jobs whose primary copy it holds; one whose claim is free
 * (its member left the cluster: such a claim is void at once, or the request failed on a Twilio error) is claimed and
 * finished from the first step not crossed off. It is finished, not rolled back: by then the customer may be on hold
 * music and the agent has been told the transfer is under way (on a cold one, they may have left); finishing gives both
 * what the agent asked for, whereas a rollback would need the agent's leg, which a cold transfer may have ended. The one
 * exception is a customer who is no longer in the conference: there is nobody to transfer, so the job is dropped and a
 * task it created is cancelled, so no agent is offered a call that is over.
 */
final class TransferSteps {

    private static final Logger log = LoggerFactory.getLogger(TransferSteps.class);
    /** Twilio call statuses of a leg that is still there to end. */
    private static final Set<String> LIVE_CALL = Set.of("queued", "ringing", "in-progress");

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final EffectLeases claims;
    private final TransferJobs jobs;
    private final String voiceWorkflowSid;

    TransferSteps(VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryEngine engine, EffectLeases claims,
                   TransferJobs jobs, String voiceWorkflowSid) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.claims = claims;
        this.jobs = jobs;
        this.voiceWorkflowSid = voiceWorkflowSid;
    }

    /** True when the call has a transfer that some member is (or will be) starting. */
    boolean underWay(String conferenceSid) {
        return jobs.get(conferenceSid).isPresent();
    }

    /**
     * Records the job and carries out its steps; the caller holds the conference's transfer claim.
     *
     * @return the job as it ended, with its task's SID
     */
    TransferJob run(TransferJob job) {
        if (!jobs.add(job)) {
            throw new IllegalStateException("a transfer of " + job.conferenceSid() + " is changing already");
        }
        return carryOut(job, false);
    }

    /** The sweeper's part: finishes the conference's job if nobody holds its claim. */
    void resumeIfStale(String conferenceSid) {
        String claim = Transfers.claimOf(conferenceSid);
        if (!claims.tryClaim(claim)) {
            return;
        }
        try {
            jobs.get(conferenceSid).ifPresent(job -> {
                log.info("finishing the {} transfer of {} left with steps {} to do", job.kind(), conferenceSid, job.pending());
                carryOut(job, true);
            });
        } finally {
            claims.release(claim);
        }
    }

    /** @param resumed true when a member before this one may have done steps it did not cross off */
    private TransferJob carryOut(TransferJob job, boolean resumed) {
        if (voice.participant(job.conferenceSid(), job.customerCallSid()).isEmpty()) {
            return rollBack(job, resumed);
        }
        TransferJob now = job;
        for (TransferJob.Step step : job.pending()) {
            now = switch (step) {
                case HOLD_CUSTOMER -> holdCustomer(now);
                case OFFER_TASK -> offerTask(now, resumed);
                case AGENT_LEAVES -> agentLeaves(now);
                case MARK_COMPLETED -> marked(now, step, TransferState.COMPLETED);
                case MARK_CANCELLED -> marked(now, step, TransferState.CANCELLED);
                case TARGET_LEAVES -> targetLeaves(now);
                case END_TASK -> endTask(now);
                case UNHOLD_CUSTOMER -> unholdCustomer(now);
            };
            jobs.update(now);
        }
        jobs.finished(job.conferenceSid());
        return now;
    }

    private TransferJob holdCustomer(TransferJob job) {
        boolean held = voice.participant(job.conferenceSid(), job.customerCallSid()).map(ParticipantState::hold).orElse(false);
        if (!held) {
            // The same music as during a recovery: the customer hears one Lifeline, whatever keeps them waiting.
            voice.hold(job.conferenceSid(), job.customerCallSid(), true, engine.policy().holdMusicUrl());
        }
        return job.done(TransferJob.Step.HOLD_CUSTOMER);
    }

    private TransferJob offerTask(TransferJob job, boolean resumed) {
        Optional<String> made = resumed ? taskOf(job).map(TaskDetails::sid) : Optional.empty();
        String taskSid = made.orElseGet(() -> taskRouter.createTask(voiceWorkflowSid, job.taskAttributes(),
                job.taskTimeoutSeconds(), 0, "voice"));
        return job.offered(taskSid);
    }

    private TransferJob agentLeaves(TransferJob job) {
        String leg = job.fromLegCallSid();
        if (LIVE_CALL.contains(voice.callStatus(leg))) {
            engine.gracefulExit(job.conferenceSid(), leg, GracefulExit.COLD_TRANSFER);
            voice.hangUp(leg);
        }
        // Wraps only a task still assigned: a second time changes nothing.
        taskRouter.wrapUpTask(job.fromTaskSid(), job.kind() == TransferKind.COLD ? "cold-transferred" : "warm-transferred");
        return job.done(TransferJob.Step.AGENT_LEAVES);
    }

    /** A merge of the same state a second time changes nothing. */
    private TransferJob marked(TransferJob job, TransferJob.Step step, TransferState state) {
        taskRouter.mergeTaskAttributes(job.taskSid(), TransferAttributes.movedTo(state));
        return job.done(step);
    }

    private TransferJob targetLeaves(TransferJob job) {
        String leg = job.targetLegCallSid();
        if (leg != null && LIVE_CALL.contains(voice.callStatus(leg))) {
            engine.gracefulExit(job.conferenceSid(), leg, GracefulExit.HANG_UP);
            voice.hangUp(leg);
        }
        return job.done(TransferJob.Step.TARGET_LEAVES);
    }

    /** Taken already: an assigned task cannot be cancelled, only completed. A finished one is left alone. */
    private TransferJob endTask(TransferJob job) {
        String status = taskRouter.taskDetails(job.taskSid()).map(TaskDetails::assignmentStatus).orElse("canceled");
        if (List.of("assigned", "wrapping").contains(status)) {
            taskRouter.completeTask(job.taskSid(), "the transfer was cancelled");
        } else if (List.of("pending", "reserved").contains(status)) {
            taskRouter.cancelTask(job.taskSid(), "the transfer was cancelled");
        }
        return job.done(TransferJob.Step.END_TASK);
    }

    /** Unholding a participant not on hold changes nothing at Twilio. */
    private TransferJob unholdCustomer(TransferJob job) {
        voice.unhold(job.conferenceSid(), job.customerCallSid());
        return job.done(TransferJob.Step.UNHOLD_CUSTOMER);
    }

    /** Nobody to transfer: the customer has gone. A task made for them is withdrawn, so nobody is offered a dead call. */
    private TransferJob rollBack(TransferJob job, boolean resumed) {
        Optional<String> task = Optional.ofNullable(job.taskSid()).or(() -> resumed ? taskOf(job).map(TaskDetails::sid) : Optional.empty());
        task.ifPresent(sid -> taskRouter.taskDetails(sid).filter(t -> List.of("pending", "reserved").contains(t.assignmentStatus()))
                .ifPresent(t -> taskRouter.cancelTask(sid, "the customer hung up before the transfer was started")));
        jobs.finished(job.conferenceSid());
        log.info("dropped the {} transfer of {}: the customer has gone", job.kind(), job.conferenceSid());
        return job;
    }

    /** The task a member made for this job, found by the job's id in its transfer block, whatever its status now. */
    private Optional<TaskDetails> taskOf(TransferJob job) {
        return taskRouter.tasks(voiceWorkflowSid, List.of()).stream()
                .filter(task -> TaskAttributesJson.read(task.attributesJson()).object(TransferAttributes.TRANSFER)
                        .string(TransferAttributes.TRANSFER_ID).filter(job.transferId()::equals).isPresent())
                .findFirst();
    }

    /** The new task's attributes carry the job's id in their transfer block. */
    static String withTransferId(TaskAttributes attributes, String transferId) {
        TaskAttributes block = attributes.object(TransferAttributes.TRANSFER).with(TransferAttributes.TRANSFER_ID, transferId);
        return TaskAttributesJson.write(attributes.with(TransferAttributes.TRANSFER, block.values()));
    }
}
