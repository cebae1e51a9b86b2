package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Who is performing an effect right now. A webhook thread on one member and the reconciler on another can
 * both see the same pending effect; only the one that claims it performs it. A claim expires, so an effect
 * whose performer died is picked up again by the reconciler.
 *
 * <p>The claim of a member that has died is NOT voided early, although that would cut the p99 of
 * MemberLossBenchmark from 30.5 s to 1.9 s: a member that dies after its Twilio call but before its completion
 * record is replicated leaves the effect pending, and an immediate retry performed it twice (MemberLossTest saw
 * a second announcement). Voiding early needs every effect to check Twilio before acting first.
 */
public final class EffectLeases {

    private final IMap<String, String> leases;
    private final String owner = UUID.randomUUID().toString();
    private final Duration lease;

    public EffectLeases(HazelcastInstance hazelcast, Duration lease) {
        this.leases = hazelcast.getMap(HazelcastMembers.EFFECT_LEASES);
        this.lease = lease;
    }

    public boolean tryClaim(String effectId) {
        return leases.putIfAbsent(effectId, owner, lease.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    public void release(String effectId) {
        leases.remove(effectId, owner);
    }
}
