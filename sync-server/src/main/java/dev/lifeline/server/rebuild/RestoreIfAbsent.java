package dev.lifeline.server.rebuild;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Writes a rebuilt record only where the key has none, atomically on the owning member: a record that survived
 * the loss (or that a webhook recreated in the meantime) always wins over the rebuilt one.
 *
 * @return {@code true} if the rebuilt record was stored
 */
final class RestoreIfAbsent<V> implements EntryProcessor<String, V, Boolean> {

    private static final long serialVersionUID = 1L;

    private final V rebuilt;

    RestoreIfAbsent(V rebuilt) {
        this.rebuilt = rebuilt;
    }

    @Override
    public Boolean process(Map.Entry<String, V> entry) {
        if (entry.getValue() != null) {
            return false;
        }
        entry.setValue(rebuilt);
        return true;
    }
}
