package dev.lifeline.server.callbacks;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;

/**
 * The {@code callbacks} map's configuration: written through to the database by {@link CallbackMapStore} (no write
 * delay) and loaded whole (EAGER) the first time a member of a new cluster opens it.
 *
 * <p>It carries no split-brain protection: Hazelcast 5.6 refuses a protected map's first open (and so its load) on a
 * member below the minimum, and a server starting alone must still come up. What protection buys for recovery state
 * is kept where it matters here: a member that does not serve recovery state (a minority) neither fires a due
 * callback nor accepts a new one ({@link CallbackScheduler}, the routes).
 */
public final class CallbackMaps {

    public static final String CALLBACKS = "callbacks";
    /** Signatures of website requests already taken, for the replay window. */
    public static final String WEBSITE_SIGNATURES = "callback-website-signatures";

    private CallbackMaps() {
    }

    public static void configure(Config config, int backupCount, CallbackMapStore store, int replayWindowSeconds) {
        MapStoreConfig writeThrough = new MapStoreConfig().setEnabled(true).setImplementation(store)
                .setWriteDelaySeconds(0).setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        config.addMapConfig(new MapConfig(CALLBACKS).setBackupCount(backupCount).setMapStoreConfig(writeThrough)
                .addIndexConfig(new IndexConfig(IndexType.HASH, "state")));
        config.addMapConfig(new MapConfig(WEBSITE_SIGNATURES).setBackupCount(backupCount)
                .setTimeToLiveSeconds(replayWindowSeconds));
    }
}
