package dev.lifeline.server.recovery;

import java.time.Instant;
import java.util.Map;

/**
 * The task attributes a recovery writes (seed §6). Names are an external contract: the Recovery Ping
 * workflow routes on {@code disconnectedWorkerSid}, every voice workflow's "Direct to an Agent" filter on
 * {@code targetWorkerSid}; webhook handlers find the incident of a ping or reconnect task through
 * {@link #LIFELINE_INCIDENT} — one explicit marker instead of the original's workflow-name match (§8.7).
 */
public final class RecoveryAttributes {

    public static final String LIFELINE_INCIDENT = "lifelineIncident";
    public static final String LIFELINE_INTERACTION = "lifelineInteractionId";
    public static final String LIFELINE_ATTEMPT = "lifelineAttempt";
    public static final String IS_RECONNECT = "isReconnect";
    public static final String TARGET_WORKER_SID = "targetWorkerSid";
    public static final String WAS_PING_SUCCESSFUL = "wasPingSuccessful";
    public static final String DISCONNECTED_TIME = "disconnectedTime";
    public static final String CONVERSATIONS = "conversations";
    public static final String FOLLOWED_BY = "followed_by";
    public static final String RECONNECT_AGENT = "Reconnect Agent";
    public static final String CALL_SID = "call_sid";
    /** On the interrupted task, once a rejoined agent is back on it: what happened ({@link #rejoinedPatch}). */
    public static final String LIFELINE_REJOIN = "lifelineRejoin";

    private RecoveryAttributes() {
    }

    /** Patch for the interrupted task: when it dropped, and the Insights marker the desktop checks on restart. */
    static TaskAttributes originalTaskTag(Instant disconnectedAt) {
        return TaskAttributes.of(Map.of(
                DISCONNECTED_TIME, disconnectedAt.toString(),
                CONVERSATIONS, Map.of(FOLLOWED_BY, RECONNECT_AGENT)));
    }

    /**
     * Patch for the interrupted task once a rejoined agent is back on it ({@code rejoin}): the task itself goes on, so it
     * is where Insights and reports find that, when and for how long the call was interrupted. One object of its own,
     * merged (never {@value #LIFELINE_INCIDENT}, which marks Lifeline's own ping and reconnect tasks).
     */
    static TaskAttributes rejoinedPatch(Incident.Builder incident, Instant rejoinedAt) {
        Instant disconnectedAt = incident.timestamps.get(dev.lifeline.model.incident.Phase.DETECTED);
        java.util.Map<String, Object> rejoin = new java.util.LinkedHashMap<>();
        rejoin.put("incidentId", incident.incidentId);
        rejoin.put("attempt", incident.attempt);
        rejoin.put("strategy", RecoveryStrategy.REJOIN.word());
        if (disconnectedAt != null) {
            rejoin.put("disconnectedTime", disconnectedAt.toString());
            rejoin.put("interruptedMillis", java.time.Duration.between(disconnectedAt, rejoinedAt).toMillis());
        }
        rejoin.put("rejoinedTime", rejoinedAt.toString());
        return TaskAttributes.of(Map.of(LIFELINE_REJOIN, rejoin, WAS_PING_SUCCESSFUL, true));
    }

    /** Patch after a successful ping: a merge, so {@code followed_by} survives (the original wiped it, §8.3). */
    static TaskAttributes pingSucceededPatch() {
        return TaskAttributes.of(Map.of(WAS_PING_SUCCESSFUL, true));
    }

    /**
     * The ping: the dropped agent's task snapshot plus the {@code disconnected*} fields, without the Insights
     * {@code conversations} object (so Insights does not record the ping as a conversation segment, §8.14)
     * and without leftovers of an earlier attempt's reconnect.
     */
    static TaskAttributes ping(Incident.Builder incident, Instant disconnectedAt) {
        return withRecoveryFields(incident, disconnectedAt)
                .without(CONVERSATIONS, IS_RECONNECT, TARGET_WORKER_SID, WAS_PING_SUCCESSFUL, "conference");
    }

    /**
     * The task the customer's {@code <Enqueue>} creates. {@code targetWorkerSid} only when the ping
     * succeeded; an earlier attempt's target is removed otherwise. {@code conference} is emptied for
     * TaskRouter to fill in; {@code conversations.conversation_id} links the Insights segments.
     */
    static TaskAttributes reconnect(Incident.Builder incident, String targetWorkerSidOrNull) {
        Instant disconnectedAt = incident.timestamps.get(dev.lifeline.model.incident.Phase.DETECTED);
        TaskAttributes base = withRecoveryFields(incident, disconnectedAt).without(WAS_PING_SUCCESSFUL);
        TaskAttributes conversations = base.object(CONVERSATIONS);
        if (!conversations.has("conversation_id")) {
            conversations = conversations.with("conversation_id", incident.droppedWorker.taskSid());
        }
        return base
                .with(IS_RECONNECT, true)
                .with(TARGET_WORKER_SID, targetWorkerSidOrNull)
                .with("conference", Map.of())
                .with(CONVERSATIONS, conversations.values());
    }

    private static TaskAttributes withRecoveryFields(Incident.Builder incident, Instant disconnectedAt) {
        DroppedWorker worker = incident.droppedWorker;
        return worker.taskAttributes()
                .with("disconnectedTaskSid", worker.taskSid())
                .with("disconnectedTaskWorkflowSid", worker.workflowSid())
                .with("disconnectedWorkerSid", worker.workerSid())
                .with("disconnectedWorkerName", worker.workerName())
                .with("disconnectedCallSid", worker.callSid())
                .with("disconnectedReservationSid", worker.reservationSid())
                .with("disconnectedConferenceSid", incident.conferenceSid)
                .with(DISCONNECTED_TIME, disconnectedAt == null ? null : disconnectedAt.toString())
                .with(CALL_SID, incident.customerCallSid)
                .with(LIFELINE_INCIDENT, incident.incidentId)
                .with(LIFELINE_INTERACTION, incident.interactionId)
                .with(LIFELINE_ATTEMPT, incident.attempt);
    }
}
