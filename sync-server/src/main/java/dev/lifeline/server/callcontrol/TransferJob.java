package dev.lifeline.server.callcontrol;

import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable record of a transfer being started, completed or cancelled ({@link TransferJobs}): everything a member needs to finish it, and
 * the steps still to do. Stored as JSON text, so a member reads it with no class of ours on the wire.
 *
 * @param transferId     written into the transfer task's {@link TransferAttributes#TRANSFER} block too: a member that
 *                       takes over finds the task a dead member created before it could record its SID
 * @param taskAttributes the new task's attributes, worked out once in the agent's request
 * @param taskSid        the transfer task once created, else null
 * @param targetLegCallSid warm cancel: the target's leg to end, else null
 * @param pending        the steps not done yet, in order
 */
public record TransferJob(String transferId, String conferenceSid, String customerCallSid, String fromWorkerSid,
                          String fromLegCallSid, String fromTaskSid, TransferKind kind, String taskAttributes,
                          int taskTimeoutSeconds, String taskSid, String targetLegCallSid, List<Step> pending) {

    /** A step of starting a transfer; each checks Twilio's current state before it acts, so a repeat does nothing. */
    public enum Step {
        /** The customer hears hold music (not for an added agent). */
        HOLD_CUSTOMER,
        /** The target's task exists. */
        OFFER_TASK,
        /** Cold, or warm completed: the transferring agent's leg ends on purpose and their task wraps. */
        AGENT_LEAVES,
        /** Warm completed: the transfer task says so (what a recovery of the target's leg reads). */
        MARK_COMPLETED,
        /** Warm cancelled: the transfer task says so, so the target can no longer take it. */
        MARK_CANCELLED,
        /** Warm cancelled: the target's leg ends on purpose (no drop). */
        TARGET_LEAVES,
        /** Warm cancelled: the transfer task ends (completed once taken, else cancelled). */
        END_TASK,
        /** Warm, completed or cancelled: the customer comes off hold. */
        UNHOLD_CUSTOMER
    }

    /** The steps of completing a consulting warm transfer. */
    static final List<Step> WARM_COMPLETE = List.of(Step.MARK_COMPLETED, Step.UNHOLD_CUSTOMER, Step.AGENT_LEAVES);
    /** The steps of cancelling a warm transfer. */
    static final List<Step> WARM_CANCEL = List.of(Step.MARK_CANCELLED, Step.TARGET_LEAVES, Step.END_TASK, Step.UNHOLD_CUSTOMER);

    public TransferJob {
        pending = List.copyOf(pending);
    }

    static List<Step> stepsOf(TransferKind kind) {
        return switch (kind) {
            case COLD -> List.of(Step.HOLD_CUSTOMER, Step.OFFER_TASK, Step.AGENT_LEAVES);
            case WARM -> List.of(Step.HOLD_CUSTOMER, Step.OFFER_TASK);
            case ADD -> List.of(Step.OFFER_TASK);
        };
    }

    TransferJob done(Step step) {
        return new TransferJob(transferId, conferenceSid, customerCallSid, fromWorkerSid, fromLegCallSid, fromTaskSid, kind,
                taskAttributes, taskTimeoutSeconds, taskSid, targetLegCallSid, pending.stream().filter(s -> s != step).toList());
    }

    TransferJob offered(String newTaskSid) {
        return new TransferJob(transferId, conferenceSid, customerCallSid, fromWorkerSid, fromLegCallSid, fromTaskSid, kind,
                taskAttributes, taskTimeoutSeconds, newTaskSid, targetLegCallSid, pending).done(Step.OFFER_TASK);
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transferId", transferId);
        json.put("conferenceSid", conferenceSid);
        json.put("customerCallSid", customerCallSid);
        json.put("fromWorkerSid", fromWorkerSid);
        json.put("fromLegCallSid", fromLegCallSid);
        json.put("fromTaskSid", fromTaskSid);
        json.put("kind", kind.name());
        json.put("taskAttributes", taskAttributes);
        json.put("taskTimeoutSeconds", taskTimeoutSeconds);
        json.put("taskSid", taskSid);
        json.put("targetLegCallSid", targetLegCallSid);
        json.put("pending", String.join(",", pending.stream().map(Step::name).toList()));
        return TaskAttributesJson.write(TaskAttributes.of(json));
    }

    static TransferJob fromJson(String text) {
        TaskAttributes json = TaskAttributesJson.read(text);
        String pending = json.string("pending").orElse("");
        return new TransferJob(text(json, "transferId"), text(json, "conferenceSid"), text(json, "customerCallSid"),
                text(json, "fromWorkerSid"), text(json, "fromLegCallSid"), text(json, "fromTaskSid"),
                TransferKind.valueOf(text(json, "kind")), text(json, "taskAttributes"),
                json.number("taskTimeoutSeconds").orElse(0L).intValue(), text(json, "taskSid"),
                text(json, "targetLegCallSid"), pending.isEmpty() ? List.of() : Arrays.stream(pending.split(",")).map(Step::valueOf).toList());
    }

    private static String text(TaskAttributes json, String key) {
        return json.string(key).orElse(null);
    }
}
