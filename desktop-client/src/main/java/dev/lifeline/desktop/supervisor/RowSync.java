package dev.lifeline.desktop.supervisor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Brings a table's rows in line with a new snapshot without replacing them: rows that stay are updated in place
 * (their properties change, the cells repaint), rows that left are removed, new ones are inserted. A table backed
 * by such a list does not flicker and keeps its selection across the once-a-second pushes.
 */
final class RowSync {

    private RowSync() {
    }

    static <T, R, K> void sync(ObservableList<R> rows, List<T> items, Function<T, K> itemKey, Function<R, K> rowKey,
                               Function<T, R> create, BiConsumer<R, T> update) {
        Map<K, T> byKey = new HashMap<>();
        items.forEach(item -> byKey.put(itemKey.apply(item), item));
        rows.removeIf(row -> !byKey.containsKey(rowKey.apply(row)));
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            K key = itemKey.apply(item);
            if (i < rows.size() && rowKey.apply(rows.get(i)).equals(key)) {
                update.accept(rows.get(i), item);
                continue;
            }
            int at = indexOf(rows, rowKey, key, i);
            if (at < 0) {
                rows.add(i, create.apply(item));
            } else {
                R moved = rows.remove(at);
                update.accept(moved, item);
                rows.add(i, moved);
            }
        }
    }

    private static <R, K> int indexOf(List<R> rows, Function<R, K> rowKey, K key, int from) {
        for (int i = from; i < rows.size(); i++) {
            if (rowKey.apply(rows.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
