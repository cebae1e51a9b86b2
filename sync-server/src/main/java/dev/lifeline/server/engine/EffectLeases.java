package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * claims before the effects checked, and MemberLossTest heard an announcement twice). An announcement is the one
 * effect Twilio reports by callback only ({@link AnnouncementWitness}): its dead holder's claim stands a little longer,
 * for that report to arrive.
 */
public final class EffectLeases {

    private final HazelcastInstance hazelcast;
    private final IMap<String, String> leases;
    private final String owner;
    private final Duration lease;
    /** The lease values this instance wrote, so it releases only its own claim. */
    private final ConcurrentMap<String, String> held = new ConcurrentHashMap<>();

    public EffectLeases(HazelcastInstance hazelcast, Duration lease) {
        this.hazelcast = hazelcast;
        this.leases = hazelcast.getMap(HazelcastMembers.EFFECT_LEASES);
        // The member's UUID first: whoever finds the claim can tell whether its holder is still in the cluster.
        this.owner = hazelcast.getCluster().getLocalMember().getUuid() + "/" + UUID.randomUUID();
        this.lease = lease;
    }

    public boolean tryClaim(String effectId) {
        return tryClaim(effectId, Duration.ZERO);
    }

    /**
     * @param deadHolderGrace how long a dead member's claim still stands: for an effect whose completion Twilio reports
     *                        by callback (an announcement) rather than in a state a check could read, the report of
     *                        what the dead member did may still be on its way
     */
    public boolean tryClaim(String effectId, Duration deadHolderGrace) {
        long now = System.currentTimeMillis();
        String claim = owner + "@" + now;
        String holder = leases.putIfAbsent(effectId, claim, lease.toMillis(), TimeUnit.MILLISECONDS);
        if (holder == null) {
            held.put(effectId, claim);
            return true;
        }
        if (holderLeftTheCluster(holder) && claimedAt(holder) <= now - deadHolderGrace.toMillis()
                && leases.remove(effectId, holder)) {
            // Several members may void the same claim; putIfAbsent lets exactly one of them take it over.
            if (leases.putIfAbsent(effectId, claim, lease.toMillis(), TimeUnit.MILLISECONDS) == null) {
                held.put(effectId, claim);
                return true;
            }
        }
        return false;
    }

    private boolean holderLeftTheCluster(String holder) {
        String memberUuid = holder.substring(0, Math.max(0, holder.indexOf('/')));
        return hazelcast.getCluster().getMembers().stream()
                .noneMatch(member -> member.getUuid().toString().equals(memberUuid));
    }

    /** When the claim was made; a claim written before claims carried their time counts as old. */
    private static long claimedAt(String holder) {
        int at = holder.lastIndexOf('@');
        try {
            return at < 0 ? 0 : Long.parseLong(holder.substring(at + 1));
        } catch (NumberFormatException notATime) {
            return 0;
        }
    }

    public void release(String effectId) {
        String claim = held.remove(effectId);
        if (claim != null) {
            leases.remove(effectId, claim);
        }
    }

    /** Done with the effect (its outcome is recorded): forget the claim, which expires with its lease. */
    void settled(String effectId) {
        held.remove(effectId);
    }
}
