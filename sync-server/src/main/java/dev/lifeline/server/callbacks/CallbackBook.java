package dev.lifeline.server.callbacks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The callbacks of the whole cluster, in the {@code callbacks} map (written through to the database). Opening it on a
 * new cluster's first member loads every open callback from the database before this constructor returns.
 */
public final class CallbackBook {

    private final IMap<String, Callback> callbacks;

    public CallbackBook(HazelcastInstance member) {
        this.callbacks = member.getMap(CallbackMaps.CALLBACKS);
    }

    /** Keeps a new callback; returns once it is in the database. */
    public Callback add(Callback callback) {
        if (callbacks.putIfAbsent(callback.id(), callback) != null) {
            throw new IllegalStateException("callback " + callback.id() + " exists already");
        }
        return callback;
    }

    /** Keeps a callback unless one with its id exists; true if this call kept it. */
    public boolean addIfAbsent(Callback callback) {
        return callbacks.putIfAbsent(callback.id(), callback) == null;
    }

    /** QUEUED callbacks still waiting for their preferred agent, whose key this member owns. */
    Set<String> waitingForPreferredAgentHere() {
        Set<String> queued = callbacks.localKeySet(Predicates.equal("state", CallbackState.QUEUED));
        return queued.stream().filter(id -> find(id).map(c -> c.preferredAgent() != null).orElse(false))
                .collect(java.util.stream.Collectors.toSet());
    }

    boolean offerToAnyone(String id) {
        return callbacks.executeOnKey(id, new CallbackChange.OfferToAnyone());
    }

    public Optional<Callback> find(String id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    /** Every callback the map holds (open ones, and closed ones of the last week), soonest due first. */
    public List<Callback> all() {
        return sorted(callbacks.values());
    }

    /** Those {@code source} asked for, soonest due first. */
    public List<Callback> requestedBy(String source) {
        return sorted(callbacks.values(Predicates.equal("source", source)));
    }

    /** Due callbacks whose key this member owns: the member that owns a key is the one that fires it. */
    Set<String> dueHere(Instant now) {
        Predicate<String, Callback> due = Predicates.and(Predicates.equal("state", CallbackState.SCHEDULED),
                Predicates.lessEqual("dueAt", now));
        return callbacks.localKeySet(due);
    }

    /** Claimed by a member that may have died before its task was confirmed, owned here now. */
    Set<String> enqueuingHere() {
        return callbacks.localKeySet(Predicates.equal("state", CallbackState.ENQUEUING));
    }

    /** When the entry was last written (Hazelcast's own clock on the owner), to tell a stale claim from a live one. */
    long lastUpdateMillis(String id) {
        var view = callbacks.getEntryView(id);
        return view == null ? 0 : view.getLastUpdateTime();
    }

    Optional<Callback> claimDue(String id, Instant now) {
        return Optional.ofNullable(callbacks.executeOnKey(id, new CallbackChange.ClaimDue(now)));
    }

    boolean markQueued(String id, String taskSid) {
        return callbacks.executeOnKey(id, new CallbackChange.Queued(taskSid));
    }

    Optional<Callback> startAttempt(String id, Instant now) {
        return Optional.ofNullable(callbacks.executeOnKey(id, new CallbackChange.StartAttempt(now)));
    }

    boolean called(String id, int attempt, String callSid) {
        return callbacks.executeOnKey(id, new CallbackChange.Called(attempt, callSid));
    }

    /** @return the callback after the change, or empty if that attempt had ended already (a repeated report) */
    Optional<Callback> attemptEnded(String id, CallbackChange.AttemptEnded ending) {
        return Optional.ofNullable(callbacks.executeOnKey(id, ending));
    }

    public boolean close(String id, CallbackState finalState, String reason) {
        return callbacks.executeOnKey(id, new CallbackChange.Close(finalState, reason));
    }

    private static List<Callback> sorted(java.util.Collection<Callback> values) {
        return values.stream().sorted(Comparator.comparing(Callback::dueAt).thenComparing(Callback::id)).toList();
    }
}
