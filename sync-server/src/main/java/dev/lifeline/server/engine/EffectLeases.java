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
 * whose performer hung is picked up again by the reconciler.
 *
 * <p>The claim of a member that has left the cluster (crashed, terminated) is void at once, so its recoveries do not
 * wait out the lease (MemberLossBenchmark: p99 drop → RESTORED was 30.5 s while every orphaned claim waited for its
 * 30 s lease). That is safe because every effect checks Twilio's current state before acting ({@link TwilioEffects}):
 * a member that died after its Twilio call but before its completion record was replicated leaves the effect pending,
 * and whoever takes it over finds it done at Twilio instead of doing it again (the attempt reverted in 7852897 voided
 * claims before the effects checked, and MemberLossTest heard an announcement twice).
 */
public final class EffectLeases {

    private final HazelcastInstance hazelcast;
    private final IMap<String, String> leases;
    private final String owner;
    private final Duration lease;

    public EffectLeases(HazelcastInstance hazelcast, Duration lease) {
        this.hazelcast = hazelcast;
        this.leases = hazelcast.getMap(HazelcastMembers.EFFECT_LEASES);
        // The member's UUID first: whoever finds the claim can tell whether its holder is still in the cluster.
        this.owner = hazelcast.getCluster().getLocalMember().getUuid() + "/" + UUID.randomUUID();
        this.lease = lease;
    }

    public boolean tryClaim(String effectId) {
        String holder = leases.putIfAbsent(effectId, owner, lease.toMillis(), TimeUnit.MILLISECONDS);
        if (holder == null) {
            return true;
        }
        if (holderLeftTheCluster(holder) && leases.remove(effectId, holder)) {
            // Several members may void the same claim; putIfAbsent lets exactly one of them take it over.
            return leases.putIfAbsent(effectId, owner, lease.toMillis(), TimeUnit.MILLISECONDS) == null;
        }
        return false;
    }

    private boolean holderLeftTheCluster(String holder) {
        String memberUuid = holder.substring(0, Math.max(0, holder.indexOf('/')));
        return hazelcast.getCluster().getMembers().stream()
                .noneMatch(member -> member.getUuid().toString().equals(memberUuid));
    }

    public void release(String effectId) {
        leases.remove(effectId, owner);
    }
}
