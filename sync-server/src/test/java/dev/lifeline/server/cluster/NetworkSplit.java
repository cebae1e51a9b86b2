package dev.lifeline.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.SplitBrainTestSupport;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A network partition between two sides of a cluster started by Hazelcast's
 * {@code TestHazelcastInstanceFactory} (mock network, no sockets): the links between the sides are cut, each
 * side learns that the other is gone, and later the links come back and the smaller side merges into the larger.
 * The same calls Hazelcast's own {@code SplitBrainTestSupport} makes, usable from JUnit 5.
 */
public final class NetworkSplit {

    /** Merging is looked for every second instead of every 30 s, so a test heals in seconds. */
    private static final String FAST_MERGE_SECONDS = "1";
    /** A write whose backup cannot be reached still completes after this long (Hazelcast's default is 5 s). */
    private static final String BACKUP_TIMEOUT_MILLIS = "1000";


    private final List<HazelcastInstance> larger;
    private final List<HazelcastInstance> smaller;
    private final List<CountDownLatch> merged = new ArrayList<>();

    private NetworkSplit(List<HazelcastInstance> larger, List<HazelcastInstance> smaller) {
        this.larger = List.copyOf(larger);
        this.smaller = List.copyOf(smaller);
        // Registered before anything happens: MERGED fires on the smaller side once its merge tasks finished.
        for (HazelcastInstance member : this.smaller) {
            CountDownLatch done = new CountDownLatch(1);
            member.getLifecycleService().addLifecycleListener(event -> {
                if (event.getState() == LifecycleState.MERGED) {
                    done.countDown();
                }
            });
            merged.add(done);
        }
    }

    /** The server's own member config with test timings: fast merges, short backup timeouts. */
    public static Config withTestTimings(Config config) {
        return config.setProperty("hazelcast.merge.first.run.delay.seconds", FAST_MERGE_SECONDS)
                .setProperty("hazelcast.merge.next.run.delay.seconds", FAST_MERGE_SECONDS)
                .setProperty("hazelcast.operation.backup.timeout.millis", BACKUP_TIMEOUT_MILLIS);
    }

    /** Waits until every member sees all the others and its split-brain protection counts them (see awaitSize). */
    public static void awaitFormed(List<HazelcastInstance> members) {
        awaitSize(members, members.size());
    }

    /**
     * Drops every packet between the sides, but neither side has noticed yet: the seconds before failure
     * detection, in which each side still counts the other's members (reliability.md §1.3).
     */
    public static NetworkSplit unnoticed(List<HazelcastInstance> larger, List<HazelcastInstance> smaller) {
        NetworkSplit split = new NetworkSplit(larger, smaller);
        split.eachPair(SplitBrainTestSupport::blockCommunicationBetween);
        return split;
    }

    /** Cuts the links and lets both sides notice at once; returns when each side sees only itself. */
    public static NetworkSplit between(List<HazelcastInstance> larger, List<HazelcastInstance> smaller) {
        return unnoticed(larger, smaller).noticed();
    }

    /**
     * Failure detection happens: each side removes the other's members (what the heartbeat timeout does) and
     * promotes its backups, so every partition is owned on its own side again.
     */
    public NetworkSplit noticed() {
        eachPair(HazelcastTestSupport::closeConnectionBetween);
        awaitSize(larger, larger.size());
        awaitSize(smaller, smaller.size());
        awaitOwnedWithin(larger);
        awaitOwnedWithin(smaller);
        return this;
    }

    /** Restores the links; returns how long the merge took, once every member of the smaller side has merged. */
    public Duration healAndAwaitMerge(Duration atMost) {
        Instant healed = Instant.now();
        eachPair(SplitBrainTestSupport::unblockCommunicationBetween);
        for (CountDownLatch done : merged) {
            Duration left = atMost.minus(Duration.between(healed, Instant.now()));
            try {
                if (left.isNegative() || !done.await(left.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the smaller side did not merge within " + atMost);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the merge", e);
            }
        }
        Duration took = Duration.between(healed, Instant.now());
        List<HazelcastInstance> everyone = new ArrayList<>(larger);
        everyone.addAll(smaller);
        awaitSize(everyone, everyone.size());
        return took;
    }

    private void eachPair(Link action) {
        for (HazelcastInstance a : larger) {
            for (HazelcastInstance b : smaller) {
                action.apply(a, b);
            }
        }
    }

    /**
     * Waits until each member of the side sees exactly {@code size} members and its split-brain protection has
     * caught up with that: protection follows membership events, which arrive asynchronously, so for a moment
     * after a change a member may still refuse (or accept) what its new cluster size says it should not.
     */
    private static void awaitSize(List<HazelcastInstance> side, int size) {
        for (HazelcastInstance member : side) {
            Await.until("the cluster of " + member.getName() + " settled at " + size + " members",
                    () -> member.getCluster().getMembers().size() == size
                            && HazelcastMembers.servesRecoveryState(member) == (size >= minClusterSize(member)));
        }
    }

    /**
     * Waits until each member of the side names only members of its side as partition owners. Removing the other
     * side's members is not enough: right after it, about two thirds of a lone member's partitions still name an
     * owner it cannot reach, and an operation on one of them is neither refused nor served but retried until the
     * backups are promoted, which on a loaded machine can outlast a whole recovery on the other side.
     */
    private static void awaitOwnedWithin(List<HazelcastInstance> side) {
        Set<UUID> sideMembers = new HashSet<>();
        side.forEach(member -> sideMembers.add(member.getCluster().getLocalMember().getUuid()));
        for (HazelcastInstance member : side) {
            Await.until("every partition of " + member.getName() + " owned on its side of the split",
                    () -> member.getPartitionService().getPartitions().stream()
                            .allMatch(partition -> partition.getOwner() != null
                                    && sideMembers.contains(partition.getOwner().getUuid())));
        }
    }

    private static int minClusterSize(HazelcastInstance member) {
        var protection = member.getConfig().getSplitBrainProtectionConfigs().get(HazelcastMembers.MAJORITY_PROTECTION);
        return protection == null ? 1 : protection.getMinimumClusterSize();
    }

    private interface Link {
        void apply(HazelcastInstance a, HazelcastInstance b);
    }
}
