package dev.lifeline.server.callbacks;

import com.hazelcast.map.MapStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code callbacks} map through to the database, and loads it back when a cluster starts (EAGER): a
 * scheduled callback is a promise for tomorrow, and Hazelcast's memory alone forgets everything when the last member
 * stops (its own persistence is an Enterprise feature). Write-through (no write delay): a put returns only once the
 * row is committed, so what a caller was told was scheduled is on disk.
 *
 * <p>Hazelcast calls the store of the key's primary owner only; each member has its own instance on the shared
 * database.
 */
public final class CallbackMapStore implements MapStore<String, Callback> {

    /** Closed callbacks the desktops may still want to list after a restart; older ones stay in the database only. */
    static final Duration KEEP_CLOSED_LOADED = Duration.ofDays(7);

    private final CallbackDatabase database;
    private final Clock clock;

    public CallbackMapStore(CallbackDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void store(String key, Callback value) {
        database.inTransaction(c -> {
            CallbackTable.upsert(c, value);
            return null;
        });
    }

    @Override
    public void storeAll(Map<String, Callback> values) {
        database.inTransaction(c -> {
            for (Callback value : values.values()) {
                CallbackTable.upsert(c, value);
            }
            return null;
        });
    }

    @Override
    public void delete(String key) {
        deleteAll(List.of(key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        database.inTransaction(c -> {
            CallbackTable.delete(c, keys);
            return null;
        });
    }

    @Override
    public Callback load(String key) {
        return database.inTransaction(c -> CallbackTable.load(c, List.of(key)).get(key));
    }

    @Override
    public Map<String, Callback> loadAll(Collection<String> keys) {
        return database.inTransaction(c -> CallbackTable.load(c, keys));
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return database.inTransaction(c -> CallbackTable.keysToLoad(c, clock.instant().minus(KEEP_CLOSED_LOADED)));
    }
}
