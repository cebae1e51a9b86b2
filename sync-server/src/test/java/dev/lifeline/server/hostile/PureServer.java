package dev.lifeline.server.hostile;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.ConferenceStateMachine;
import dev.lifeline.server.conference.ConferenceTransition;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStrategy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.recovery.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two pure state machines wired the way {@code RecoveryEngine} wires them, without Hazelcast: a conference
 * callback goes through {@link ConferenceStateMachine}, the agent is registered when its join is first seen, and
 * every recovery event the conference produces — or that arrives from Event Streams — is routed to its incident
 * and applied with {@link RecoveryStateMachine}. Records what the properties check: every version written, and
 * every effect each incident asked for.
 */
final class PureServer {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final RecoveryPolicy REQUEUE = RecoveryPolicy.defaults("WWping", "https://lifeline.test/announce.mp3",
            "https://lifeline.test/hold.mp3");
    private static final WorkerAssignment ALICE = new WorkerAssignment("WKalice", "Alice", "WR1", "WT1", "WWsales",
            TaskAttributes.of(Map.of("call_sid", WorldScript.CUSTOMER)));

    final Map<String, ConferenceRecord> conferences = new LinkedHashMap<>();
    private final java.util.Set<String> registered = new java.util.HashSet<>();
    final Map<String, Incident> incidents = new LinkedHashMap<>();
    final Map<String, List<Effect>> effectsByIncident = new HashMap<>();
    final List<String> versionRegressions = new ArrayList<>();
    private final RecoveryPolicy policy;

    PureServer() {
        this(RecoveryStrategy.REQUEUE);
    }

    PureServer(RecoveryStrategy strategy) {
        this.policy = REQUEUE.withStrategy(strategy);
    }

    void deliver(WorldScript.Delivery delivery) {
        if (delivery.isConference()) {
            String conferenceSid = delivery.callback().conferenceSid();
            conference(ConferenceStateMachine.apply(conferences.get(conferenceSid), delivery.callback()));
            // The engine registers an agent's leg when its join arrives for a reservation it accepted.
            if (delivery.isJoinOf(WorldScript.ALICE_LEG) && registered.add(WorldScript.ALICE_LEG)) {
                conference(ConferenceStateMachine.register(conferences.get(conferenceSid), new WorkerRegistration(
                        conferenceSid, WorldScript.ALICE_LEG, WorldScript.CUSTOMER, ALICE)));
            } else if (delivery.isJoinOf(WorldScript.ALICE_LEG_2) && registered.add(WorldScript.ALICE_LEG_2)) {
                conference(ConferenceStateMachine.register(conferences.get(conferenceSid), new WorkerRegistration(
                        conferenceSid, WorldScript.ALICE_LEG_2, WorldScript.CUSTOMER, reconnectAssignment())));
            }
        } else if (delivery.incidentId() == null) {
            throw new IllegalArgumentException("an event without its incident: " + delivery);
        } else {
            // Event Streams events name their incident through the task attribute lifelineIncident.
            incident(delivery.incidentId(), delivery.event());
        }
    }

    /** Alice accepted the reconnect task: its attributes are the ones the first incident's redirect carried. */
    private WorkerAssignment reconnectAssignment() {
        TaskAttributes attributes = effectsByIncident.getOrDefault(WorldScript.FIRST_INCIDENT, List.of()).stream()
                .filter(Effect.RedirectCustomerToEnqueue.class::isInstance)
                .map(effect -> ((Effect.RedirectCustomerToEnqueue) effect).attributes())
                .findFirst().orElseThrow(() -> new IllegalStateException("a reconnect before any redirect"));
        return new WorkerAssignment("WKalice", "Alice", "WR2", WorldScript.RECONNECT, "WWsales", attributes);
    }

    private void conference(ConferenceTransition transition) {
        ConferenceRecord next = transition.next();
        if (next == null) {
            return;
        }
        ConferenceRecord before = conferences.get(next.conferenceSid());
        if (before != null && next.version() < before.version()) {
            versionRegressions.add("conference " + before.version() + " -> " + next.version());
        }
        conferences.put(next.conferenceSid(), next);
        for (RecoveryEvent event : transition.recoveryEvents()) {
            route(event);
        }
    }

    private void route(RecoveryEvent event) {
        if (event instanceof RecoveryEvent.DropDetected drop) {
            incident(drop.incidentId(), drop);
        } else if (event instanceof RecoveryEvent.WorkerDroppedAgain again) {
            incident(again.previousIncidentId(), again);
        } else if (event instanceof RecoveryEvent.PartyJoined joined) {
            incident(joined.incidentId(), joined);
        } else if (event instanceof RecoveryEvent.AgentRejoined rejoined) {
            incident(rejoined.incidentId(), rejoined);
        } else if (event instanceof RecoveryEvent.CustomerLeft left) {
            incidents.values().stream().filter(i -> left.customerCallSid().equals(i.customerCallSid()))
                    .map(Incident::incidentId).toList().forEach(id -> incident(id, left));
        }
    }

    private void incident(String incidentId, RecoveryEvent event) {
        Incident before = incidents.get(incidentId);
        Transition transition = RecoveryStateMachine.apply(before, event, NOW, policy);
        Incident next = transition.next();
        if (next == null) {
            return;
        }
        if (before != null && next.version() < before.version()) {
            versionRegressions.add("incident " + before.version() + " -> " + next.version() + " on " + event);
        }
        incidents.put(incidentId, next);
        effectsByIncident.computeIfAbsent(incidentId, id -> new ArrayList<>()).addAll(transition.newEffects());
        for (Effect effect : transition.newEffects()) {
            if (effect instanceof Effect.StopHoldMusic) {
                // The server's own executor takes the party off hold and records it: no delivery of the network's.
                incident(incidentId, new RecoveryEvent.EffectCompleted(effect.effectId(), "off hold"));
            }
        }
    }

    long count(String incidentId, Class<? extends Effect> type) {
        return effectsByIncident.getOrDefault(incidentId, List.of()).stream().filter(type::isInstance).count();
    }
}
