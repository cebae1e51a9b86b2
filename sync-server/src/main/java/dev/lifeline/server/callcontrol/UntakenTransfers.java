package dev.lifeline.server.callcontrol;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cold transfer nobody took: the customer must not wait on hold music for nobody. A transfer to the queue is made with
 * TaskRouter's task {@code Timeout} set to {@code transfer.queue-timeout}; when it passes, TaskRouter cancels the task
 * and its {@code task.canceled} (delivered to whichever server is up, so no member's timer has to survive) brings the
 * customer back: to the agent who transferred them while that agent is Available and on no other call, else to the
 * queue at the top priority a requeued customer gets. That offer is a transfer task like the first, with the same
 * timeout, so a customer nobody takes is offered again every {@code transfer.queue-timeout} and hears hold music
 * meanwhile (they were put on hold when the transfer began). Nothing is done when the customer hung up or an agent is
 * with them, or when TaskRouter already holds another transfer of the call in flight (the same event delivered twice).
 */
public final class UntakenTransfers {

    private static final Logger log = LoggerFactory.getLogger(UntakenTransfers.class);

    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final EffectLeases claims;
    private final Transfers transfers;
    private final String voiceWorkflowSid;
    private final Duration queueTimeout;

    public UntakenTransfers(TaskRouterGateway taskRouter, RecoveryEngine engine, EffectLeases claims, Transfers transfers,
                            String voiceWorkflowSid, Duration queueTimeout) {
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.claims = claims;
        this.transfers = transfers;
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.queueTimeout = queueTimeout;
    }

    public void onTaskRouterEvent(TaskRouterEvent event) {
        if (!"task.canceled".equals(event.eventType()) || event.taskSid() == null) {
            return;
        }
        TaskAttributes attributes = TaskAttributesJson.read(event.taskAttributes());
        Optional<TransferAttributes> untaken = Transfers.isTransfer(attributes)
                ? TransferAttributes.of(attributes).filter(t -> t.kind() == TransferKind.COLD && t.state() == TransferState.OFFERED)
                : Optional.empty();
        if (untaken.isEmpty() || !customerWaitsAlone(untaken.get().conferenceSid())) {
            return;
        }
        TransferAttributes transfer = untaken.get();
        // The claim every step of this call's transfers takes: a user's transfer and this one never cross.
        String claim = Transfers.claimOf(transfer.conferenceSid());
        if (!claims.tryClaim(claim)) {
            return; // another server acts on this call right now
        }
        try {
            if (!transfers.openTransfers(transfer.conferenceSid()).isEmpty()) {
                return;
            }
            String agent = transfer.fromWorkerSid();
            boolean backToAgent = agent != null && agentIsFree(agent);
            String taskSid = taskRouter.createTask(voiceWorkflowSid,
                    TaskAttributesJson.write(transfer.onto(attributes, backToAgent ? agent : null)),
                    (int) queueTimeout.toSeconds(), engine.policy().requeuePriority(), "voice");
            log.info("transfer task {} of {} was not taken ({}): offered {} (task {})", event.taskSid(),
                    transfer.conferenceSid(), event.taskCanceledReason(),
                    backToAgent ? "back to " + agent : "to the queue at top priority", taskSid);
        } finally {
            claims.release(claim);
        }
    }

    private boolean customerWaitsAlone(String conferenceSid) {
        Optional<ConferenceRecord> call = engine.conference(conferenceSid);
        return call.isPresent() && !call.get().ended() && call.get().customerPresent()
                && call.get().presentWorkerSids().isEmpty();
    }

    private boolean agentIsFree(String workerSid) {
        return taskRouter.fetchWorker(workerSid).map(WorkerState::available).orElse(false)
                && engine.conferences().withWorkerPresent(workerSid).isEmpty();
    }
}
