package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Incidents and conferences driven through the real stores and state machines, as the engine drives them but with
 * no Twilio: every effect an incident asks for is reported done at once.
 */
public final class StoreRecords {

    public static final RecoveryPolicy POLICY = RecoveryPolicy.defaults("WWping", "https://lifeline.test/announce.mp3",
            "https://lifeline.test/hold.mp3");

    private StoreRecords() {
    }

    /** Opens the incident of agent leg {@code n}'s drop in conference {@code n}: DETECTED, effects pending. */
    public static Incident open(IncidentStore store, String n, String workerSid) {
        String conference = "CF" + n;
        String agentLeg = "CAagent" + n;
        DroppedWorker worker = new DroppedWorker(workerSid, "Agent " + workerSid, agentLeg, "WT" + n, "WR" + n, "WWvoice",
                TaskAttributes.of(Map.of("call_sid", customer(n), "from", "+1555" + n)));
        String incidentId = IncidentIds.incidentId(conference, agentLeg);
        store.apply(incidentId, new RecoveryEvent.DropDetected(incidentId, null, 1, null, conference, worker, customer(n),
                List.of(new PartySnapshot(customer(n), PartyRole.CUSTOMER, "customer", false, false, true))),
                Instant.now(), POLICY);
        return store.get(incidentId).orElseThrow();
    }

    /** A supervisor cancels it (terminal, with effects still pending). */
    public static Incident cancel(IncidentStore store, Incident incident) {
        return store.apply(incident.incidentId(), new RecoveryEvent.CancelledBySupervisor("sam"), Instant.now(), POLICY)
                .incident();
    }

    /**
     * Brings the agent back: the ping is created and accepted, the reconnect accepted by the same agent; with no
     * third party to move, the incident is RESTORED (its effects still to settle).
     */
    public static Incident restore(IncidentStore store, Incident incident) {
        String id = incident.incidentId();
        Incident pinging = settleEffects(store, incident);
        store.apply(id, new RecoveryEvent.PingAccepted(pinging.pingTaskSid()), Instant.now(), POLICY);
        return store.apply(id, new RecoveryEvent.ReconnectAccepted("WTreconnect-" + id, "WRreconnect-" + id,
                incident.droppedWorker().workerSid(), "CFnew-" + id, "WTreconnect-" + id), Instant.now(), POLICY).incident();
    }

    /** Reports every pending effect done, including the ones that reports add, until none is left. */
    public static Incident settleEffects(IncidentStore store, Incident incident) {
        Incident current = incident;
        // Each step's own result, never a read afterwards: once the last effect is settled a finished incident's
        // retention starts, and with the tests' one-second retention a slow machine could see it gone already.
        while (!current.pendingEffects().isEmpty()) {
            Effect effect = current.pendingEffects().iterator().next();
            current = store.apply(current.incidentId(), new RecoveryEvent.EffectCompleted(effect.effectId(), "done"),
                    Instant.now(), POLICY).incident();
        }
        return current;
    }

    public static String customer(String n) {
        return "CAcustomer" + n;
    }

    /** Customer and agent {@code workerSid} joined conference {@code conferenceSid}, the agent registered. */
    public static void live(ConferenceStore store, String conferenceSid, String workerSid) {
        String customer = "CAc-" + conferenceSid;
        String agent = "CAa-" + conferenceSid;
        store.apply(ConferenceCallback.join(conferenceSid, customer, 1, "customer", false, false, true));
        store.apply(ConferenceCallback.join(conferenceSid, agent, 2, workerSid, false, false, false));
        store.register(new WorkerRegistration(conferenceSid, agent, customer, new WorkerAssignment(workerSid, workerSid,
                "WR-" + conferenceSid, "WT-" + conferenceSid, "WWvoice", TaskAttributes.of(Map.of("call_sid", customer)))));
    }

    public static void end(ConferenceStore store, String conferenceSid) {
        store.apply(ConferenceCallback.end(conferenceSid, 100));
    }
}
