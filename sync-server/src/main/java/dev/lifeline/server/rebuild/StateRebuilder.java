package dev.lifeline.server.rebuild;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.DropDetection;
import dev.lifeline.server.config.ServerConfig.RecoverySettings;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recreates, from Twilio's REST state, the open incidents and the in-progress conference records that the
 * cluster no longer holds. Only missing keys are written, and only where still absent at write time
 * ({@link RestoreIfAbsent}), so running it on several members at once, or twice, is harmless. Rebuilt records are
 * stored as they are; the reconciler then performs their pending effects and runs their watchdog, so a customer
 * on hold is reconnected when the agent returns, or requeued when the ping runs out.
 */
public final class StateRebuilder {

    private static final Logger log = LoggerFactory.getLogger(StateRebuilder.class);

    private final IMap<String, Incident> incidents;
    private final IMap<String, ConferenceRecord> conferences;
    private final IMap<String, String> incidentsByCustomer;
    private final IMap<String, String> effectLeases;
    private final TwilioEvidence twilio;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final Duration customerIndexTtl;

    public StateRebuilder(HazelcastInstance hazelcast, VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryPolicy policy,
                          Clock clock, LifelineMetrics metrics) {
        this(hazelcast, voice, taskRouter, policy, clock, metrics, RecoverySettings.DEFAULT_INCIDENT_RETENTION);
    }

    /** @param incidentRetention how long the engine keeps a finished incident (the customer index lives as long) */
    public StateRebuilder(HazelcastInstance hazelcast, VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryPolicy policy,
                          Clock clock, LifelineMetrics metrics, Duration incidentRetention) {
        this.incidents = hazelcast.getMap(HazelcastMembers.INCIDENTS);
        this.conferences = hazelcast.getMap(HazelcastMembers.CONFERENCES);
        // IncidentStore's customer → incident index; the hang-up of a customer finds its incident through it.
        this.incidentsByCustomer = hazelcast.getMap(HazelcastMembers.INCIDENTS_BY_CUSTOMER);
        this.effectLeases = hazelcast.getMap(HazelcastMembers.EFFECT_LEASES);
        this.twilio = new TwilioEvidence(voice, taskRouter, policy.pingWorkflowSid());
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.customerIndexTtl = IncidentStore.customerIndexTtl(policy, incidentRetention);
    }

    /** What one pass restored. */
    public record Rebuilt(int incidents, int conferences) {
    }

    /**
     * Restores the missing records among the keys {@code lost} accepts (the keys of the lost partitions; any key
     * for a cold start). Incidents first, so the conference records can name the incident they are recovering.
     */
    public Rebuilt rebuild(Predicate<String> lost) {
        Map<String, String> openIncidentOfConference = new HashMap<>();
        int incidentCount = 0;
        for (IncidentEvidence evidence : twilio.incidents(id -> lost.test(id) && !incidents.containsKey(id))) {
            Optional<Incident> rebuilt = replay(evidence);
            if (rebuilt.isEmpty()) {
                continue;
            }
            Incident incident = rebuilt.get();
            if (!incident.isTerminal()) {
                openIncidentOfConference.put(incident.conferenceSid(), incident.incidentId());
            }
            if (Boolean.TRUE.equals(incidents.executeOnKey(incident.incidentId(), new RestoreIfAbsent<>(incident)))) {
                indexCustomer(incident);
                metrics.recordRebuilt("incident");
                incidentCount++;
                log.warn("incident {} rebuilt from Twilio state in phase {}", incident.incidentId(), incident.phase());
            }
        }
        incidentCount += redetectFromSurvivingConferences(lost);
        int conferenceCount = 0;
        for (TwilioEvidence.ConferenceEvidence evidence : twilio.conferences(sid -> lost.test(sid) && !conferences.containsKey(sid))) {
            if (restore(evidence, recoveringIncident(evidence, openIncidentOfConference))) {
                conferenceCount++;
            }
        }
        return new Rebuilt(incidentCount, conferenceCount);
    }

    /**
     * Restores the records of these conferences only (the conference audit found them in progress at Twilio with no
     * record): no incident is looked for, no record scanned. @return how many were restored
     */
    public int rebuildConferences(Set<String> conferenceSids) {
        int count = 0;
        for (TwilioEvidence.ConferenceEvidence evidence
                : twilio.conferences(sid -> conferenceSids.contains(sid) && !conferences.containsKey(sid))) {
            if (restore(evidence, null)) {
                count++;
            }
        }
        return count;
    }

    /** The conference's record as Twilio's state shows it, unless one appeared meanwhile; @return true if restored */
    private boolean restore(TwilioEvidence.ConferenceEvidence evidence, String recoveringIncidentIdOrNull) {
        ConferenceRecord record = ConferenceReplay.rebuild(evidence.conferenceSid(), evidence.customerCallSid(),
                evidence.participants(), evidence.worker(), evidence.workerIdentity(), recoveringIncidentIdOrNull);
        if (!Boolean.TRUE.equals(conferences.executeOnKey(record.conferenceSid(), new RestoreIfAbsent<>(record)))) {
            return false;
        }
        metrics.recordRebuilt("conference");
        log.warn("conference {} rebuilt from Twilio state with {} participants", record.conferenceSid(),
                record.participants().size());
        return true;
    }

    /**
     * An incident lost in the moment between its drop and its Recovery Ping has no trace at Twilio, but the
     * conference record, if it survived, still shows the dropped leg and names the incident: the drop is detected
     * again from it and the incident starts over (its announcement, hold music and ping are performed by the
     * reconciler at once; announcing twice is the worst case). Scans every conference record: it runs only after a loss.
     */
    private int redetectFromSurvivingConferences(Predicate<String> lost) {
        int count = 0;
        for (ConferenceRecord record : conferences.values()) {
            String incidentId = record.recoveringIncidentId();
            if (incidentId == null || !lost.test(incidentId) || incidents.containsKey(incidentId)) {
                continue;
            }
            List<RecoveryEvent> drop = DropDetection.redetect(record);
            if (drop.isEmpty() || !twilio.stillIn(record.conferenceSid(), record.customerCallSid())) {
                continue;
            }
            Optional<Incident> redetected = IncidentReplay.replayDrop(drop, policy, clock.instant());
            if (redetected.isEmpty()) {
                continue;
            }
            Incident incident = redetected.get();
            if (Boolean.TRUE.equals(incidents.executeOnKey(incident.incidentId(), new RestoreIfAbsent<>(incident)))) {
                // A claim on an effect outlives the effect by its lease, as a "done" marker for the record it guarded.
                // That record is gone and nothing at Twilio proves these effects ran: they must run again, now.
                incident.pendingEffects().forEach(effect -> effectLeases.delete(effect.effectId()));
                indexCustomer(incident);
                metrics.recordRebuilt("incident");
                count++;
                log.warn("incident {} re-detected from its surviving conference record (lost before its ping existed)",
                        incident.incidentId());
            }
        }
        return count;
    }

    private void indexCustomer(Incident incident) {
        incidentsByCustomer.set(incident.customerCallSid(), incident.incidentId(), customerIndexTtl.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The open incident of the conference: one rebuilt just now, or one that survived (found by its customer). */
    private String recoveringIncident(TwilioEvidence.ConferenceEvidence conference, Map<String, String> rebuilt) {
        String incidentId = rebuilt.get(conference.conferenceSid());
        if (incidentId != null || conference.customerCallSid() == null) {
            return incidentId;
        }
        return Optional.ofNullable(incidentsByCustomer.get(conference.customerCallSid()))
                .map(incidents::get)
                .filter(incident -> !incident.isTerminal() && incident.conferenceSid().equals(conference.conferenceSid()))
                .map(Incident::incidentId)
                .orElse(null);
    }

    private Optional<Incident> replay(IncidentEvidence evidence) {
        try {
            return IncidentReplay.replay(evidence, policy, clock.instant());
        } catch (IllegalArgumentException e) {
            // A task carrying our marker but not our snapshot (edited by hand?): nothing sound to rebuild from.
            log.warn("incident {} cannot be rebuilt: {}", evidence.incidentId(), e.getMessage());
            return Optional.empty();
        }
    }
}
