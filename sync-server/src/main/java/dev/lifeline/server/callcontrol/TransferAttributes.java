package dev.lifeline.server.callcontrol;

import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.OutboundTaskAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of a transfer task, as Flex makes one: a copy of the customer's task (the caller, the numbers, the
 * Insights {@code conversations}) plus Lifeline's {@value #TRANSFER} block naming the conference the customer waits in,
 * who transferred and how. {@code call_sid} stays the customer's leg, so a drop of the target's leg is recovered with
 * the customer as on any call. The server accepts the task itself (the target joins the existing conference through
 * the Participants API, there is no conference instruction), so it is marked {@code lifelineOutbound} like an outbound
 * call's: TaskRouter never wraps such a task, the recovery does.
 */
public record TransferAttributes(String conferenceSid, String customerCallSid, String fromWorkerSid, TransferKind kind,
                                 TransferState state) {

    /** The key of Lifeline's block in the task attributes. */
    public static final String TRANSFER = "lifelineTransfer";
    /** The key, in that block, of the id of the {@link TransferJob} that made the task. */
    static final String TRANSFER_ID = "transferId";
    /** Recovery keys of the task being transferred: they belong to that task's incident, not to the new task. */
    private static final String[] NOT_COPIED = {RecoveryAttributes.LIFELINE_INCIDENT, RecoveryAttributes.LIFELINE_ATTEMPT,
            RecoveryAttributes.IS_RECONNECT, RecoveryAttributes.TARGET_WORKER_SID, RecoveryAttributes.WAS_PING_SUCCESSFUL,
            RecoveryAttributes.DISCONNECTED_TIME, RecoveryAttributes.LIFELINE_REJOIN, RecoveryAttributes.LIFELINE_INTERACTION,
            OutboundTaskAttributes.PLACED_BY_LIFELINE, TRANSFER, "disconnectedWorkerSid"};

    /** The new task's attributes: the transferred task's, this block, and the target worker when it is an agent. */
    public TaskAttributes onto(TaskAttributes transferred, String targetWorkerSidOrNull) {
        TaskAttributes result = transferred.without(NOT_COPIED)
                .with(RecoveryAttributes.CALL_SID, customerCallSid)
                .with(OutboundTaskAttributes.PLACED_BY_LIFELINE, "transfer")
                .with(TRANSFER, block());
        return targetWorkerSidOrNull == null ? result : result.with(RecoveryAttributes.TARGET_WORKER_SID, targetWorkerSidOrNull);
    }

    private Map<String, Object> block() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("conferenceSid", conferenceSid);
        block.put("customerCallSid", customerCallSid);
        block.put("fromWorkerSid", fromWorkerSid);
        block.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        block.put("state", state.wire());
        return block;
    }

    /** The patch that moves the task's transfer to {@code next} (merged with If-Match, keys of others kept). */
    public static Map<String, Object> movedTo(TransferState next) {
        return Map.of(TRANSFER, Map.of("state", next.wire()));
    }

    public TransferAttributes in(TransferState next) {
        return new TransferAttributes(conferenceSid, customerCallSid, fromWorkerSid, kind, next);
    }

    /** The transfer block of a task's attributes; empty for any other task (or one whose block is unreadable). */
    public static Optional<TransferAttributes> of(TaskAttributes attributes) {
        TaskAttributes block = attributes.object(TRANSFER);
        Optional<String> conference = block.string("conferenceSid");
        Optional<String> customer = block.string("customerCallSid");
        if (conference.isEmpty() || customer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TransferAttributes(conference.get(), customer.get(), block.string("fromWorkerSid").orElse(null),
                    TransferKind.valueOf(block.string("kind").orElse("cold").toUpperCase(java.util.Locale.ROOT)),
                    TransferState.ofWire(block.string("state").orElse("offered"))));
        } catch (IllegalArgumentException unknownValue) {
            return Optional.empty();
        }
    }
}
