package dev.lifeline.server.engine;

import com.hazelcast.map.ExtendedMapEntry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place a store decides a record's expiry. It is set by the same EntryProcessor that writes the record,
 * on the owner and, running the same processor, on the backup, so a record is never stored finished without its
 * expiry and an open record is always stored with the map's default, which is never. A later change of a finished
 * record (a late webhook) starts its retention again.
 */
final class Retention {

    private Retention() {
    }

    /** Writes {@code value}, expiring after {@code retention} if it is finished, never otherwise. */
    static <V> void store(Map.Entry<String, V> entry, V value, boolean finished, Duration retention) {
        if (finished && entry instanceof ExtendedMapEntry<String, V> expiring) {
            expiring.setValue(value, retention.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            // No TTL given: the map's default (0, never), which also clears an expiry the entry had.
            entry.setValue(value);
        }
    }
}
