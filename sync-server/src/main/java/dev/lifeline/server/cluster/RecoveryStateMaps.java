package dev.lifeline.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;

/**
 * How every map of recovery state survives a network partition (reliability.md §1.4): the side with fewer than
 * {@link ClusterSettings#minClusterSize()} members refuses reads and writes ({@code SplitBrainProtectionException},
 * answered 503 so Twilio retries against the majority), and when the sides merge again each map's merge policy
 * decides which copy of a key survives.
 *
 * <p>Reads are refused too: a minority member's copy stops receiving updates the moment the partition happens,
 * so a read there could show an agent a recovery that has already moved on, or let its reconciler act on it.
 */
final class RecoveryStateMaps {

    private final Config config;
    private final ClusterSettings settings;
    private final String protection;

    RecoveryStateMaps(Config config, ClusterSettings settings) {
        this.config = config;
        this.settings = settings;
        // A minimum of one member could never refuse anything: no protection is configured at all.
        this.protection = settings.minClusterSize() > 1 ? HazelcastMembers.MAJORITY_PROTECTION : null;
        if (protection != null) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(protection, true, settings.minClusterSize())
                    .setProtectOn(SplitBrainProtectionOn.READ_WRITE));
        }
    }

    /** A map of records with a {@code version}: after a split, the higher version wins. */
    MapConfig versioned(String name) {
        return add(name, HigherVersionMergePolicy.class);
    }

    /** A map whose keys matter more than their values: after a split, the larger side's copy wins, others join. */
    MapConfig putIfAbsent(String name) {
        return add(name, PutIfAbsentMergePolicy.class);
    }

    /** A bounded log, newest last: a merge keeps the larger side's copy, protected like the maps. */
    RingbufferConfig ringbuffer(String name, int capacity) {
        RingbufferConfig ringbuffer = new RingbufferConfig(name).setCapacity(capacity)
                .setBackupCount(settings.backupCount()).setAsyncBackupCount(0)
                .setSplitBrainProtectionName(protection);
        config.addRingBufferConfig(ringbuffer);
        return ringbuffer;
    }

    private MapConfig add(String name, Class<?> mergePolicy) {
        MapConfig map = new MapConfig(name).setBackupCount(settings.backupCount())
                .setMergePolicyConfig(new MergePolicyConfig(mergePolicy.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE))
                .setSplitBrainProtectionName(protection);
        config.addMapConfig(map);
        return map;
    }
}
