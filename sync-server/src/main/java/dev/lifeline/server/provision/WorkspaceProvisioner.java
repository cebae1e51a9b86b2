package dev.lifeline.server.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, idempotently, the TaskRouter queues/workflows, the agents' workers and the Event Streams sink that the
 * original made people click together by hand. Every object is looked up by friendly name (or destination) first, so
 * running it twice changes nothing; what it created, changed and kept goes to its {@link ProvisionReport} (a dry run
 * only reads). Routing made by hand is never overwritten: only Lifeline's own workflow filters are touched. Provisioning is set-up, not the recovery path, so it talks to the SDK
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
    private final ProvisionReport report;
    private dev.lifeline.server.routing.RoutingPlan routing = dev.lifeline.server.routing.RoutingPlan.none();
    private Map<String, List<String>> skills = Map.of();

    public WorkspaceProvisioner(TwilioRestClient client) {
        this(client, ProvisionReport.applying());
    }

    public WorkspaceProvisioner(TwilioRestClient client, ProvisionReport report) {
        this.client = client;
        this.report = report;
    }

    public ProvisionReport report() {
        return report;
    }

    /**
     * Routing as configuration (issue 19): the plan's queues and filters go into the workspace and the voice workflow;
     * {@code skillsByIdentity} (from the users file) become the agents' workers' {@code routing.skills} — only for the
     * agents it names, so skills set by hand on other workers stay.
     */
    public WorkspaceProvisioner withRouting(dev.lifeline.server.routing.RoutingPlan plan,
                                            Map<String, List<String>> skillsByIdentity) {
        this.routing = plan;
        this.skills = Map.copyOf(skillsByIdentity);
        return this;
    }

    /**
     * @param workspaceSid an existing workspace (a Flex account has one), or null to find-or-create
     *                     {@code workspaceName}
     * @param agents       identity → display name of the workers to find-or-create
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
        String workspace = workspaceSid != null && !workspaceSid.isBlank()
                ? report.keep("workspace", workspaceSid, workspaceSid) : workspace(workspaceName);
        Map<String, String> activities = new LinkedHashMap<>();
        for (String name : ACTIVITIES) {
            activities.put(name, activity(workspace, name));
        }
        String voiceQueue = queue(workspace, VOICE_QUEUE, "1 == 1");
        String pingQueue = queue(workspace, PING_QUEUE, "1 == 1");
        String pingWorkflow = workflow(workspace, PING_WORKFLOW, List.of(WorkflowConfigurations.recoveryPingFilter(pingQueue)),
                pingQueue, pingTtlSeconds);
        Map<String, String> queues = new LinkedHashMap<>();
        queues.put(dev.lifeline.server.routing.RoutingFile.EVERYONE, voiceQueue);
        routing.queues().forEach(q -> queues.put(q.name(), queue(workspace, q.name(), q.targetWorkers())));
        List<ObjectNode> voiceFilters = new ArrayList<>();
        voiceFilters.add(WorkflowConfigurations.directToAgentFilter(voiceQueue, reconnectStepTimeoutSeconds));
        voiceFilters.addAll(WorkflowConfigurations.routingFilters(routing, queues));
        String voiceWorkflow = workflow(workspace, VOICE_WORKFLOW, voiceFilters, voiceQueue, 120);
        Map<String, String> workers = new LinkedHashMap<>();
        agents.forEach((identity, name) -> workers.put(identity,
                worker(workspace, identity, name, activities.get("Offline"), contactUri.apply(identity))));
        String sink = sink(eventsUrl);
        subscribe(sink);
        return new ProvisionedWorkspace(workspace, voiceQueue, pingQueue, voiceWorkflow, pingWorkflow, sink, activities, workers);
    }

    private String workspace(String name) {
        return find(Workspace.reader().setFriendlyName(name).read(client), w -> name.equals(w.getFriendlyName()))
                .map(w -> report.keep("workspace", name, w.getSid()))
                .orElseGet(() -> report.create("workspace", name,
                        () -> Workspace.creator(name).setMultiTaskEnabled(true).create(client).getSid()));
    }

    private String activity(String workspace, String name) {
        return under(workspace, () -> Activity.reader(workspace).read(client), a -> name.equals(a.getFriendlyName()))
                .map(a -> report.keep("activity", name, a.getSid()))
                .orElseGet(() -> report.create("activity", name,
                        () -> Activity.creator(workspace, name).setAvailable(name.equals("Available")).create(client).getSid()));
    }

    /**
     * Lifeline's queues are found by their name and created when missing; one that exists is kept as it is, its
     * workers' expression included: on a Flex account {@code Everyone} is Flex's own default queue, maybe narrowed by
     * hand.
     */
    private String queue(String workspace, String name, String targetWorkers) {
        return under(workspace, () -> TaskQueue.reader(workspace).read(client), q -> name.equals(q.getFriendlyName()))
                .map(q -> report.keep("queue", name, q.getSid()))
                .orElseGet(() -> report.create("queue", name,
                        () -> TaskQueue.creator(workspace, name).setTargetWorkers(targetWorkers).create(client).getSid()));
    }

    /**
     * Only Lifeline's own filter (named {@code Lifeline: …}) is added or brought back to what the recovery needs; every
     * filter made by hand, the default filter and the workflow's other settings are kept.
     */
    private String workflow(String workspace, String name, List<ObjectNode> lifelineFilters, String defaultQueue,
                            int reservationTimeoutSeconds) {
        Optional<Workflow> existing = under(workspace, () -> Workflow.reader(workspace).read(client),
                w -> name.equals(w.getFriendlyName()));
        if (existing.isEmpty()) {
            Optional<String> configuration = WorkflowConfigurations.withLifelineFilters(null, lifelineFilters, defaultQueue);
            return report.create("workflow", name, () -> Workflow.creator(workspace, name, configuration.orElseThrow())
                    .setTaskReservationTimeout(reservationTimeoutSeconds).create(client).getSid());
        }
        String sid = existing.get().getSid();
        Optional<String> merged = WorkflowConfigurations.withLifelineFilters(existing.get().getConfiguration(),
                lifelineFilters, defaultQueue);
        if (merged.isEmpty()) {
            return report.keep("workflow", name, sid);
        }
        report.change("workflow", name, sid, "filters " + lifelineFilters.stream()
                        .map(f -> "'" + f.path("filter_friendly_name").asText() + "'").toList()
                        + " set first, in that order; other filters kept",
                () -> Workflow.updater(workspace, sid).setConfiguration(merged.get()).update(client));
        return sid;
    }

    private String worker(String workspace, String identity, String displayName, String activitySid, String contactUri) {
        return under(workspace, () -> Worker.reader(workspace).read(client), w -> identity.equals(w.getFriendlyName()))
                .map(existing -> {
                    keepContactUri(workspace, existing, contactUri);
                    return existing.getSid();
                })
                .orElseGet(() -> {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    attributes.put("contact_uri", contactUri);
                    attributes.put("full_name", displayName);
                    attributes.put("routing", Map.of("skills", skills.getOrDefault(identity, List.of())));
                    return report.create("worker", identity, () -> Worker.creator(workspace, identity)
                            .setAttributes(json(attributes)).setActivitySid(activitySid).create(client).getSid());
                });
    }

    /**
     * Workers named like an agent but made elsewhere (Flex's) get the agent's SIP address as {@code contact_uri}, their
     * other attributes kept; workers named like no agent are not touched.
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
            report.keep("worker", worker.getFriendlyName(), worker.getSid());
            return;
        }
        List<String> wantedSkills = skills.get(worker.getFriendlyName());
        boolean skillsKept = wantedSkills == null || wantedSkills.equals(skillsOf(attributes));
        if (contactUri.equals(attributes.get("contact_uri")) && skillsKept) {
            report.keep("worker", worker.getFriendlyName(), worker.getSid());
            return;
        }
        attributes.put("contact_uri", contactUri);
        if (!skillsKept) {
            @SuppressWarnings("unchecked")
            Map<String, Object> routingAttributes = attributes.get("routing") instanceof Map<?, ?> map
                    ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
            routingAttributes.put("skills", wantedSkills);
            attributes.put("routing", routingAttributes);
        }
        report.change("worker", worker.getFriendlyName(), worker.getSid(), "contact_uri " + contactUri
                        + (skillsKept ? "" : ", routing.skills " + wantedSkills),
                () -> Worker.updater(workspace, worker.getSid()).setAttributes(json(attributes)).update(client));
    }

    private static Object skillsOf(Map<String, Object> attributes) {
        return attributes.get("routing") instanceof Map<?, ?> routing ? routing.get("skills") : null;
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
                .map(s -> report.keep("Event Streams sink", destination, s.getSid()))
                .orElseGet(() -> {
                    Map<String, Object> configuration = new LinkedHashMap<>();
                    configuration.put("destination", destination);
                    configuration.put("method", "POST");
                    configuration.put("batch_events", true);
                    return report.create("Event Streams sink", destination, () -> Sink.creator("Lifeline TaskRouter events",
                            configuration, Sink.SinkType.WEBHOOK).create(client).getSid());
                });
    }

    private void subscribe(String sinkSid) {
        Optional<Subscription> existing = ProvisionReport.isPlanned(sinkSid) ? Optional.empty()
                : find(Subscription.reader().setSinkSid(sinkSid).read(client), s -> sinkSid.equals(s.getSinkSid()));
        if (existing.isPresent()) {
            report.keep("Event Streams subscription", "TaskRouter events", existing.get().getSid());
            return;
        }
        List<Object> types = new ArrayList<>();
        for (String event : SUBSCRIBED_EVENTS) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("type", "com.twilio.taskrouter." + event);
            type.put("schema_version", 1);
            types.add(type);
        }
        report.create("Event Streams subscription", "TaskRouter events", () -> Subscription.creator(
                "Lifeline recovery and desktop events", sinkSid, types).create(client).getSid());
    }

    private static String destinationOf(Sink sink) {
        Object configuration = sink.getSinkConfiguration();
        if (configuration instanceof Map<?, ?> map) {
            return Objects.toString(map.get("destination"), null);
        }
        return null;
    }

    /** Reads under {@code parentSid} unless a dry run only plans it (then nothing is there yet). */
    private static <T extends com.twilio.base.Resource> Optional<T> under(String parentSid,
                                                                         Supplier<ResourceSet<T>> read, Predicate<T> match) {
        return ProvisionReport.isPlanned(parentSid) ? Optional.empty() : find(read.get(), match);
    }

    private static <T extends com.twilio.base.Resource> Optional<T> find(ResourceSet<T> all, Predicate<T> match) {
        return StreamSupport.stream(all.spliterator(), false).filter(match).findFirst();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
