package dev.lifeline.server.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.events.v1.Sink;
import com.twilio.rest.events.v1.Subscription;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.server.config.SipConfig;
import dev.lifeline.server.softphone.SipAccounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, idempotently, the TaskRouter queues/workflows and the Event Streams sink that the original made
 * people click together by hand. Every object is looked up by friendly name (or destination) first, so
 * running it twice changes nothing. Provisioning is set-up, not the recovery path, so it talks to the SDK
 * directly instead of through the twilio/ gateways.
 */
public final class WorkspaceProvisioner {

    public static final String VOICE_QUEUE = "Everyone";
    public static final String PING_QUEUE = "Recovery Ping";
    public static final String PING_WORKFLOW = "Recovery Ping";
    public static final String VOICE_WORKFLOW = "Voice";
    public static final List<String> ACTIVITIES = List.of("Available", "Break", "Offline");

    /** Event types the server reacts to (recovery) or forwards to desktops (offers, task changes). */
    public static final List<String> SUBSCRIBED_EVENTS = List.of(
            "reservation.created", "reservation.accepted", "reservation.rejected", "reservation.timeout",
            "reservation.canceled", "reservation.rescinded", "reservation.wrapup", "reservation.completed",
            "task.created", "task.canceled", "task.wrapup", "task.completed", "task.updated",
            "task-queue.entered", "worker.activity.update");

    private static final Logger log = LoggerFactory.getLogger(WorkspaceProvisioner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioRestClient client;

    public WorkspaceProvisioner(TwilioRestClient client) {
        this.client = client;
    }

    /**
     * @param workspaceSid an existing workspace (a Flex account has one), or null to find-or-create
     *                     {@code workspaceName}
     * @param agents       identity → display name of workers to find-or-create (sim mode's demo agents);
     *                     empty in twilio mode, where Flex owns the workers
     */
    public ProvisionedWorkspace provision(String workspaceSid, String workspaceName, String eventsUrl,
                                          Map<String, String> agents, int pingTtlSeconds, int reconnectStepTimeoutSeconds) {
        return provision(workspaceSid, workspaceName, eventsUrl, agents, pingTtlSeconds, reconnectStepTimeoutSeconds,
                identity -> SipAccounts.addressOf(identity, SipConfig.DEFAULT_DOMAIN));
    }

    /**
     * @param contactUri identity → the worker's {@code contact_uri}: the agent's SIP address, which the conference
     *                   instruction rings when it names no {@code to}
     */
    public ProvisionedWorkspace provision(String workspaceSid, String workspaceName, String eventsUrl,
                                          Map<String, String> agents, int pingTtlSeconds, int reconnectStepTimeoutSeconds,
                                          Function<String, String> contactUri) {
        String workspace = workspaceSid != null && !workspaceSid.isBlank() ? workspaceSid : workspace(workspaceName);
        Map<String, String> activities = new LinkedHashMap<>();
        for (String name : ACTIVITIES) {
            activities.put(name, activity(workspace, name));
        }
        String voiceQueue = queue(workspace, VOICE_QUEUE, "1 == 1");
        String pingQueue = queue(workspace, PING_QUEUE, "1 == 1");
        String pingWorkflow = workflow(workspace, PING_WORKFLOW, WorkflowConfigurations.recoveryPing(pingQueue), pingTtlSeconds);
        String voiceWorkflow = workflow(workspace, VOICE_WORKFLOW,
                WorkflowConfigurations.voice(voiceQueue, reconnectStepTimeoutSeconds), 120);
        Map<String, String> workers = new LinkedHashMap<>();
        agents.forEach((identity, name) -> workers.put(identity,
                worker(workspace, identity, name, activities.get("Offline"), contactUri.apply(identity))));
        String sink = sink(eventsUrl);
        subscribe(sink);
        return new ProvisionedWorkspace(workspace, voiceQueue, pingQueue, voiceWorkflow, pingWorkflow, sink, activities, workers);
    }

    private String workspace(String name) {
        return find(Workspace.reader().setFriendlyName(name).read(client), w -> name.equals(w.getFriendlyName()))
                .map(Workspace::getSid)
                .orElseGet(() -> created("workspace", name, Workspace.creator(name).setMultiTaskEnabled(true).create(client).getSid()));
    }

    private String activity(String workspace, String name) {
        return find(Activity.reader(workspace).read(client), a -> name.equals(a.getFriendlyName()))
                .map(Activity::getSid)
                .orElseGet(() -> created("activity", name,
                        Activity.creator(workspace, name).setAvailable(name.equals("Available")).create(client).getSid()));
    }

    private String queue(String workspace, String name, String targetWorkers) {
        return find(TaskQueue.reader(workspace).read(client), q -> name.equals(q.getFriendlyName()))
                .map(TaskQueue::getSid)
                .orElseGet(() -> created("queue", name,
                        TaskQueue.creator(workspace, name).setTargetWorkers(targetWorkers).create(client).getSid()));
    }

    private String workflow(String workspace, String name, String configuration, int reservationTimeoutSeconds) {
        return find(Workflow.reader(workspace).read(client), w -> name.equals(w.getFriendlyName()))
                .map(existing -> {
                    // Keep the routing we depend on true even if someone edited it by hand.
                    Workflow.updater(workspace, existing.getSid()).setConfiguration(configuration).update(client);
                    return existing.getSid();
                })
                .orElseGet(() -> created("workflow", name, Workflow.creator(workspace, name, configuration)
                        .setTaskReservationTimeout(reservationTimeoutSeconds).create(client).getSid()));
    }

    private String worker(String workspace, String identity, String displayName, String activitySid, String contactUri) {
        return find(Worker.reader(workspace).read(client), w -> identity.equals(w.getFriendlyName()))
                .map(existing -> {
                    keepContactUri(workspace, existing, contactUri);
                    return existing.getSid();
                })
                .orElseGet(() -> {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    attributes.put("contact_uri", contactUri);
                    attributes.put("full_name", displayName);
                    attributes.put("routing", Map.of("skills", List.of()));
                    return created("worker", identity, Worker.creator(workspace, identity)
                            .setAttributes(json(attributes)).setActivitySid(activitySid).create(client).getSid());
                });
    }

    /**
     * Twilio mode: the workers are Flex's and are not created here, but those named like an agent get the agent's SIP
     * address as {@code contact_uri}, their other attributes kept.
     *
     * @return identity → worker SID of the agents' workers found
     */
    public Map<String, String> keepContactUris(String workspaceSid, Map<String, String> contactUriByIdentity) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Worker worker : Worker.reader(workspaceSid).read(client)) {
            String contactUri = contactUriByIdentity.get(worker.getFriendlyName());
            if (contactUri != null) {
                keepContactUri(workspaceSid, worker, contactUri);
                found.put(worker.getFriendlyName(), worker.getSid());
            }
        }
        return found;
    }

    private void keepContactUri(String workspace, Worker worker, String contactUri) {
        Map<String, Object> attributes = attributesOf(worker);
        if (attributes == null) {
            // Rewriting attributes we cannot read would lose them (Flex keeps routing skills there).
            log.warn("worker '{}' keeps its contact_uri: its attributes are not a JSON object", worker.getFriendlyName());
            return;
        }
        if (contactUri.equals(attributes.get("contact_uri"))) {
            return;
        }
        attributes.put("contact_uri", contactUri);
        Worker.updater(workspace, worker.getSid()).setAttributes(json(attributes)).update(client);
        log.info("worker '{}' is now reached at {}", worker.getFriendlyName(), contactUri);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(Worker worker) {
        try {
            String text = worker.getAttributes();
            return text == null || text.isBlank() ? new LinkedHashMap<>() : JSON.readValue(text, LinkedHashMap.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private String sink(String destination) {
        return find(Sink.reader().read(client), s -> destination.equals(destinationOf(s)))
                .map(Sink::getSid)
                .orElseGet(() -> {
                    Map<String, Object> configuration = new LinkedHashMap<>();
                    configuration.put("destination", destination);
                    configuration.put("method", "POST");
                    configuration.put("batch_events", true);
                    return created("sink", destination,
                            Sink.creator("Lifeline TaskRouter events", configuration, Sink.SinkType.WEBHOOK).create(client).getSid());
                });
    }

    private void subscribe(String sinkSid) {
        boolean exists = StreamSupport.stream(Subscription.reader().setSinkSid(sinkSid).read(client).spliterator(), false)
                .anyMatch(s -> sinkSid.equals(s.getSinkSid()));
        if (exists) {
            return;
        }
        List<Object> types = new ArrayList<>();
        for (String event : SUBSCRIBED_EVENTS) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("type", "com.twilio.taskrouter." + event);
            type.put("schema_version", 1);
            types.add(type);
        }
        created("subscription", sinkSid, Subscription.creator("Lifeline recovery and desktop events", sinkSid, types)
                .create(client).getSid());
    }

    private static String destinationOf(Sink sink) {
        Object configuration = sink.getSinkConfiguration();
        if (configuration instanceof Map<?, ?> map) {
            return Objects.toString(map.get("destination"), null);
        }
        return null;
    }

    private static <T extends com.twilio.base.Resource> java.util.Optional<T> find(ResourceSet<T> all, Predicate<T> match) {
        return StreamSupport.stream(all.spliterator(), false).filter(match).findFirst();
    }

    private static String created(String kind, String name, String sid) {
        log.info("provisioned {} '{}' as {}", kind, name, sid);
        return sid;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
