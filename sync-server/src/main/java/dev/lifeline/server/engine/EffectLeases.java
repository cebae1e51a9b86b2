package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Who is performing an effect right now. A webhook thread on one member and the reconciler on another can
 * both see the same pending effect; only the one that claims it performs it. A claim expires, so an effect
 * whose performer died is picked up again by the reconciler.
 */
public final class EffectLeases {

    private final IMap<String, String> leases;
    private final String owner = UUID.randomUUID().toString();
    private final Duration lease;

    public EffectLeases(HazelcastInstance hazelcast, Duration lease) {
        this.leases = hazelcast.getMap("effect-leases");
        this.lease = lease;
    }

    public boolean tryClaim(String effectId) {
        return leases.putIfAbsent(effectId, owner, lease.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    public void release(String effectId) {
        leases.remove(effectId, owner);
    }
}
