package dev.lifeline.server.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A due callback's TaskRouter task: on the voice workflow, at the callback's priority, with attributes that say what
 * it is ({@code type: callback}, {@code callbackId}, the number as {@code name}/{@code to}, {@code direction:
 * outbound}) and what the agent needs to know ({@code callback}: reason, when requested, when due and in which zone).
 * It carries no {@code call_sid}: nobody is on the line until the agent accepts and the customer is dialled. Each try
 * gets its own task ({@code callbackRound}: the attempts made before it).
 */
public final class CallbackTasks implements CallbackQueue {

    static final String TARGET_WORKER = "targetWorkerSid";
    /** How many attempts the callback had made when this task was queued: one task per round. */
    static final String ROUND = "callbackRound";
    public static final String TYPE = dev.lifeline.server.desktop.CallbackAcceptor.TYPE;
    /** The task waits in the queue as long as TaskRouter keeps a task by default (a day). */
    static final int TASK_TIMEOUT_SECONDS = 86_400;
    private static final List<String> LIVE = List.of("pending", "reserved", "assigned", "wrapping");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskRouterGateway taskRouter;
    private final String voiceWorkflowSid;

    public CallbackTasks(TaskRouterGateway taskRouter, String voiceWorkflowSid) {
        this.taskRouter = taskRouter;
        this.voiceWorkflowSid = voiceWorkflowSid;
    }

    /** The callback's task: one already in TaskRouter (a member that died after creating it), else a new one. */
    @Override
    public String queue(Callback callback) {
        return existing(callback.id(), callback.attempts().size()).orElseGet(() -> taskRouter.createTask(voiceWorkflowSid, attributes(callback),
                TASK_TIMEOUT_SECONDS, callback.priority(), "voice"));
    }

    /** The task of this round (the previous round's may still be finishing after a retry was due). */
    private Optional<String> existing(String callbackId, int round) {
        for (TaskDetails task : taskRouter.tasks(voiceWorkflowSid, LIVE)) {
            if (callbackId.equals(callbackIdOf(task.attributesJson())) && round == roundOf(task.attributesJson())) {
                return Optional.of(task.sid());
            }
        }
        return Optional.empty();
    }

    private static int roundOf(String attributesJson) {
        try {
            return JSON.readTree(attributesJson).path(ROUND).asInt(-1);
        } catch (JsonProcessingException e) {
            return -1;
        }
    }

    /** Lifts the preferred agent: the task is routed again, to anyone the workflow offers it to. */
    @Override
    public void offerToAnyone(String taskSid) {
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put(TARGET_WORKER, null);
        taskRouter.mergeTaskAttributes(taskSid, patch);
    }

    /** The {@code callbackId} of a task's attributes, or null for any other task. */
    public static String callbackIdOf(String attributesJson) {
        try {
            JsonNode attributes = JSON.readTree(attributesJson == null ? "{}" : attributesJson);
            return TYPE.equals(attributes.path("type").asText(null)) ? attributes.path("callbackId").asText(null) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String attributes(Callback callback) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("number", callback.number());
        about.put("reason", callback.reason());
        about.put("requestedAt", callback.requestedAt().toString());
        about.put("dueAt", callback.dueAt().toString());
        about.put("zone", callback.zone());
        about.put("source", callback.source());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", TYPE);
        attributes.put("callbackId", callback.id());
        attributes.put(ROUND, callback.attempts().size());
        attributes.put("name", callback.number());
        attributes.put("to", callback.number());
        attributes.put("direction", "outbound");
        attributes.put("callback", about);
        if (callback.preferredAgent() != null) {
            // The voice workflow's "Direct to an Agent" filter: only this worker, until the scheduler lifts it.
            attributes.put(TARGET_WORKER, callback.preferredAgent());
        }
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and maps always serialise", e);
        }
    }
}
