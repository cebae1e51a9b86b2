package dev.lifeline.server.desktop;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.engine.AgentNotifier;
import dev.lifeline.server.engine.DesktopFeed;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.taskrouter.ReservationEvents;
import dev.lifeline.server.taskrouter.ReservationViews;
import dev.lifeline.server.taskrouter.Reservations;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where server events meet desktop sockets. The engine calls it (as {@link AgentNotifier} and {@link DesktopFeed})
 * on whichever member handled the webhook; the hub publishes each event on a Hazelcast topic and every member
 * delivers it to the sockets it holds, so an agent connected to member B hears about a webhook handled on A.
 */
public final class DesktopHub implements AgentNotifier, DesktopFeed, AutoCloseable {

    public static final String TOPIC = "desktop-events";

    private static final Logger log = LoggerFactory.getLogger(DesktopHub.class);

    private final AgentDirectory agents;
    private final Clock clock;
    private final ITopic<DesktopEnvelope> topic;
    private final UUID listener;
    private final Reservations reservations;
    private final ReservationViews views;
    private final ReservationEvents reservationEvents;
    private final ConferenceStarts conferenceStarts;
    private final Map<String, DesktopConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "desktop-hub-sender");
        thread.setDaemon(true);
        return thread;
    });

    public DesktopHub(HazelcastInstance hazelcast, AgentDirectory agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
        this.topic = hazelcast.getTopic(TOPIC);
        this.reservations = new Reservations(hazelcast);
        this.views = new ReservationViews(clock, new IncidentStore(hazelcast)::get);
        this.reservationEvents = new ReservationEvents(reservations, views, clock);
        this.conferenceStarts = new ConferenceStarts(hazelcast);
        this.listener = topic.addMessageListener(message -> deliverLocally(message.getMessageObject()));
    }

    /** Reservations of tasks on this workflow are Recovery Pings (set by the module once the workspace is known). */
    public void pingWorkflowSid(String workflowSid) {
        views.pingWorkflowSid(workflowSid);
    }

    /** Queue SID → name, so offers say which queue a call came through (Event Streams payloads carry only the SID). */
    public void queueNames(Map<String, String> namesBySid) {
        views.queueNames(namesBySid);
    }

    // What the engine calls //

    @Override
    public void incidentChanged(Incident incident) {
        IncidentChanged event = new IncidentChanged(WireViews.incident(incident, agents));
        agents.identityOfWorker(incident.droppedWorker().workerSid()).ifPresent(identity -> sendTo(identity, event));
        sendToSupervisors(event);
    }

    @Override
    public void tellAgent(String workerSid, Incident incident) {
        agents.identityOfWorker(workerSid)
                .ifPresent(identity -> sendTo(identity, new IncidentChanged(WireViews.incident(incident, agents))));
    }

    @Override
    public void taskRouterEvent(TaskRouterEvent event) {
        try {
            reservationEvents.handle(event, worker -> agents.identityOfWorker(worker).isPresent())
                    .forEach(forWorker -> agents.identityOfWorker(forWorker.workerSid())
                            .ifPresent(identity -> sendTo(identity, forWorker.event())));
        } catch (RuntimeException e) {
            // A desktop push must never fail the webhook: the engine has already applied the event.
            log.warn("could not forward TaskRouter event {} to desktops", event.eventType(), e);
        }
    }

    @Override
    public void conferenceChanged(ConferenceRecord conference) {
        try {
            Instant now = clock.instant();
            List<String> identities = conference.participants().values().stream()
                    .filter(participant -> participant.worker() != null)
                    .map(participant -> agents.identityOfWorker(participant.worker().workerSid()))
                    .flatMap(Optional::stream)
                    .distinct()
                    .toList();
            if (identities.isEmpty()) {
                // Nobody to tell (most callbacks before an agent is in): no view to build, no round trip to wait for.
                conferenceStarts.record(conference.conferenceSid(), now);
                return;
            }
            Instant started = conferenceStarts.startOrRecord(conference.conferenceSid(), now);
            ConferenceChanged event = new ConferenceChanged(WireViews.conference(conference, started, now));
            identities.forEach(identity -> sendTo(identity, event));
        } catch (RuntimeException e) {
            log.warn("could not forward conference {} to desktops", conference.conferenceSid(), e);
        }
    }

    // Sending //

    /** To every socket of {@code identity}, on whichever member holds it. */
    public void sendTo(String identity, ServerEvent event) {
        topic.publish(new DesktopEnvelope(identity, false, JsonCodec.shared().encode(event)));
    }

    /** To every supervisor socket in the cluster. */
    public void sendToSupervisors(ServerEvent event) {
        topic.publish(new DesktopEnvelope(null, true, JsonCodec.shared().encode(event)));
    }

    /** To the supervisor sockets of this member only (each member pushes its own queue snapshots). */
    public void pushToLocalSupervisors(ServerEvent event) {
        String json = JsonCodec.shared().encode(event);
        connections.values().stream().filter(c -> c.session().isSupervisor()).forEach(c -> c.push(json));
    }

    public boolean hasLocalSupervisors() {
        return connections.values().stream().anyMatch(c -> c.session().isSupervisor());
    }

    /** Identities with an open socket on this member. */
    public Set<String> locallyConnected() {
        Set<String> identities = ConcurrentHashMap.newKeySet();
        connections.values().forEach(c -> identities.add(c.session().identity()));
        return identities;
    }

    // Sockets //

    void attach(DesktopConnection connection) {
        connections.put(connection.id(), connection);
    }

    void detach(DesktopConnection connection) {
        connections.remove(connection.id(), connection);
    }

    java.util.concurrent.Executor sender() {
        return sender;
    }

    private void deliverLocally(DesktopEnvelope envelope) {
        for (DesktopConnection connection : connections.values()) {
            boolean addressed = envelope.toSupervisors()
                    ? connection.session().isSupervisor()
                    : connection.session().identity().equals(envelope.identity());
            if (addressed) {
                connection.push(envelope.eventJson());
            }
        }
    }

    // Reservations heard from TaskRouter //

    /** Every reservation TaskRouter's events told of, by SID and by task. */
    public Reservations reservations() {
        return reservations;
    }

    /** How those reservations look on a desktop. */
    public ReservationViews views() {
        return views;
    }

    /** Every connection on this member whose token expires before {@code limit}. */
    List<DesktopConnection> connectionsExpiringBefore(Instant limit) {
        return connections.values().stream().filter(c -> c.session().expiresAt().isBefore(limit)).toList();
    }

    /** When this server first heard of the conference (Twilio's callbacks carry no start time we keep). */
    public Instant conferenceStartedAt(String conferenceSid) {
        return conferenceStarts.startOr(conferenceSid, clock.instant());
    }

    @Override
    public void close() {
        topic.removeMessageListener(listener);
        sender.shutdown();
    }
}
