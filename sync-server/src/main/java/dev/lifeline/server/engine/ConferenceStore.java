package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.ConferenceStateMachine;
import dev.lifeline.server.conference.ConferenceTransition;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.config.ServerConfig.RecoverySettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Conference records in a Hazelcast IMap, changed only by the pure {@link ConferenceStateMachine} inside
 * EntryProcessors. Also remembers, per task SID, which agent accepted a voice task until that agent's leg
 * shows up in the conference TaskRouter names after the task.
 *
 * <p>An ended conference expires after {@code conference.retention}; a live one never does.
 */
public final class ConferenceStore {

    private static final long PENDING_TTL_HOURS = 12;

    private final HazelcastInstance hazelcast;
    private final IMap<String, ConferenceRecord> conferences;
    private final IMap<String, PendingAssignment> pendingByTask;
    private final WorkerPresence presence;
    private final Duration retention;

    public ConferenceStore(HazelcastInstance hazelcast) {
        this(hazelcast, RecoverySettings.DEFAULT_CONFERENCE_RETENTION);
    }

    /** @param retention how long an ended conference is kept */
    public ConferenceStore(HazelcastInstance hazelcast, Duration retention) {
        this.hazelcast = hazelcast;
        this.conferences = hazelcast.getMap(HazelcastMembers.CONFERENCES);
        this.pendingByTask = hazelcast.getMap(HazelcastMembers.PENDING_BY_TASK);
        this.presence = new WorkerPresence(hazelcast);
        this.retention = retention;
    }

    public AppliedConference apply(ConferenceCallback callback) {
        return change(callback.conferenceSid(), new Change(Change.Kind.CALLBACK, callback, null, null, null, retention));
    }

    public AppliedConference register(WorkerRegistration registration) {
        return change(registration.conferenceSid(),
                new Change(Change.Kind.REGISTER, null, registration, null, null, retention));
    }

    public AppliedConference markGraceful(String conferenceSid, String workerCallSid, GracefulExit exit) {
        return change(conferenceSid, new Change(Change.Kind.GRACEFUL, null, null, workerCallSid, exit, retention));
    }

    /** The server is about to end this agent leg for its desktop's silence: its leave is then a drop. */
    public AppliedConference markEndedForSilence(String conferenceSid, String workerCallSid) {
        return change(conferenceSid, new Change(Change.Kind.SILENT_DESKTOP, null, null, workerCallSid, null, retention));
    }

    /** Every change of a record goes here: the presence hint follows the record before the caller hears of it. */
    private AppliedConference change(String conferenceSid, Change change) {
        AppliedConference applied = conferences.executeOnKey(conferenceSid, change);
        if (applied.presenceChanged()) {
            presence.follow(applied.conference());
        }
        return applied;
    }

    /**
     * Brings the presence hint of {@code record} up to it: the conference audit's repair of a hint a dying member
     * left behind, and how records written whole (a rebuild, a test) are made findable.
     */
    public void followPresence(ConferenceRecord record) {
        presence.follow(record);
    }

    public Optional<ConferenceRecord> get(String conferenceSid) {
        return Optional.ofNullable(conferences.get(conferenceSid));
    }

    /** The conferences whose primary copy this member holds: each member audits its own share. */
    public java.util.Set<String> localConferenceSids() {
        return conferences.localKeySet();
    }

    /** True when this member owns the partition a record of {@code conferenceSid} would live in (one member per key). */
    public boolean ownedHere(String conferenceSid) {
        var owner = hazelcast.getPartitionService().getPartition(conferenceSid).getOwner();
        return owner != null && owner.localMember();
    }

    /** A copy of the whole map: for tests and tools, never for a path that runs periodically. */
    public Collection<ConferenceRecord> all() {
        return conferences.values();
    }

    /**
     * The conferences the worker has a leg in right now (ended ones have none): the presence hint's candidates, each
     * checked against its record.
     */
    public List<ConferenceRecord> withWorkerPresent(String workerSid) {
        if (workerSid == null) {
            return List.of();
        }
        Set<String> candidates = presence.candidatesFor(workerSid);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return conferences.getAll(candidates).values().stream()
                .filter(record -> record.presentWorkerSids().contains(workerSid))
                .toList();
    }

    /** Called when the server accepts a voice reservation, before the conference exists. */
    public void expectWorker(String taskSid, PendingAssignment pending) {
        pendingByTask.set(taskSid, pending, PENDING_TTL_HOURS, TimeUnit.HOURS);
    }

    public Optional<PendingAssignment> pendingFor(String taskSid) {
        return Optional.ofNullable(taskSid == null ? null : pendingByTask.get(taskSid));
    }

    /**
     * The same look-up without waiting, so a join can ask it while its change is applied. The answer is the map's own
     * future, null when nothing is pending: a stage chained on it would run on Hazelcast's async pool, one more
     * thread hand-off per join, so the caller maps it after it has waited.
     */
    public CompletableFuture<PendingAssignment> pendingForAsync(String taskSid) {
        if (taskSid == null) {
            return CompletableFuture.completedFuture(null);
        }
        return pendingByTask.getAsync(taskSid).toCompletableFuture();
    }

    /**
     * An accepted voice reservation waiting for its conference: the agent's assignment, the customer call from
     * the task's {@code call_sid}, and the label the agent's leg will carry.
     */
    public record PendingAssignment(WorkerAssignment assignment, String customerCallSid, String identity)
            implements Serializable {
    }

    /**
     * One of the conference changes, applied on the owning member. Shipped to the owner and to the backups in the
     * form {@link ConferenceChangeSerializers} gives it, not by Java serialization.
     */
    record Change(Kind kind, ConferenceCallback callback, WorkerRegistration registration, String workerCallSid,
                  GracefulExit exit, Duration retention)
            implements EntryProcessor<String, ConferenceRecord, AppliedConference> {

        enum Kind { CALLBACK, REGISTER, GRACEFUL, SILENT_DESKTOP }

        @Override
        public AppliedConference process(Map.Entry<String, ConferenceRecord> entry) {
            ConferenceRecord current = entry.getValue();
            ConferenceTransition transition = switch (kind) {
                case CALLBACK -> ConferenceStateMachine.apply(current, callback);
                case REGISTER -> ConferenceStateMachine.register(current, registration);
                case GRACEFUL -> ConferenceStateMachine.markGraceful(current, entry.getKey(), workerCallSid, exit);
                case SILENT_DESKTOP -> ConferenceStateMachine.markEndedForSilence(current, entry.getKey(), workerCallSid);
            };
            // The state machine hands back the very record it was given when a change leaves it as it was.
            boolean changed = transition.next() != current && transition.next() != null;
            if (changed) {
                Retention.store(entry, transition.next(), transition.next().ended(), retention);
            }
            boolean news = changed || !transition.effects().isEmpty() || !transition.recoveryEvents().isEmpty();
            boolean presenceChanged = changed && !presentWorkers(current).equals(presentWorkers(transition.next()));
            return new AppliedConference(transition.next(), transition.effects(), transition.recoveryEvents(), news,
                    presenceChanged);
        }

        private static Set<String> presentWorkers(ConferenceRecord record) {
            return record == null ? Set.of() : Set.copyOf(record.presentWorkerSids());
        }
    }
}
