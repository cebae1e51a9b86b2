package dev.lifeline.server.taskrouter;

import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.Map;

/**
 * The attributes of the task that reports an agent's outbound call, in Flex's words ({@code direction},
 * {@code from} = the contact centre's caller ID, {@code to} and {@code outbound_to} = the called number) plus
 * {@code call_sid} = the called party's leg. Flex's own outbound tasks carry the agent's leg there, and the original
 * recovery then took the agent for the customer (seed §8.16); here the called party is the customer.
 */
public final class OutboundTaskAttributes {

    public static final String DIRECTION = "direction";
    public static final String OUTBOUND = "outbound";
    /** Set on tasks the server accepted itself without a conference instruction: TaskRouter never wraps them. */
    public static final String PLACED_BY_LIFELINE = "lifelineOutbound";

    private OutboundTaskAttributes() {
    }

    /** Before the call exists: what routes the task to the agent ({@code targetWorkerSid}) and what reports it. */
    public static TaskAttributes beforeDialling(String callerId, String to, String workerSid, String identity) {
        return TaskAttributes.of(Map.of(
                "type", OUTBOUND,
                DIRECTION, OUTBOUND,
                "from", callerId,
                "to", to,
                "outbound_to", to,
                "name", to,
                RecoveryAttributes.TARGET_WORKER_SID, workerSid,
                PLACED_BY_LIFELINE, identity));
    }

    /** Once the called party is dialled: its leg is the task's call, the customer a recovery keeps. */
    public static Map<String, Object> dialled(String customerCallSid, String conferenceSid) {
        return Map.of(RecoveryAttributes.CALL_SID, customerCallSid, "conference", Map.of("sid", conferenceSid));
    }

    public static boolean isOutbound(TaskAttributes attributes) {
        return attributes.string(DIRECTION).filter(OUTBOUND::equals).isPresent();
    }

    /** A task the server accepted without an instruction, so TaskRouter leaves its reservation accepted after the call. */
    public static boolean placedByLifeline(String attributesJson) {
        return TaskAttributesJson.read(attributesJson).has(PLACED_BY_LIFELINE);
    }
}
