package dev.lifeline.server.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.recovery.Incident;
import java.util.OptionalLong;

/**
 * Heals a split brain for versioned recovery state ({@link Incident}, {@link ConferenceRecord}): of the two
 * copies of a key, the one with the higher {@code version} survives. Hazelcast's default,
 * {@code PutIfAbsentMergePolicy}, keeps the larger cluster's copy whatever it is, so a write the smaller side
 * acknowledged (in the seconds before the partition is detected, or with split-brain protection off) would be
 * rolled back silently (reliability.md §0.3, §1.4).
 *
 * <p>On equal versions the existing copy stays. Hazelcast always merges the smaller cluster into the larger one,
 * so "existing" is the side that kept serving (split-brain protection refuses the other): what clients read
 * during the split stays true after it, and the rule does not depend on which member runs the merge.
 *
 * <p>Values are compared deserialized ({@link MergingValue#getDeserializedValue()}), so the policy works with
 * the default BINARY in-memory format; the raw (serialized) value is what is kept. A value of another type
 * carries no version: the existing copy stays, exactly as with put-if-absent.
 *
 * <p>A policy chooses the value only: Hazelcast gives the surviving record the merging copy's expiry either way,
 * which {@code engine.RetentionAfterMerge} puts right after the merge.
 */
public final class HigherVersionMergePolicy<V, T extends MergingValue<V>> implements SplitBrainMergePolicy<V, T, Object> {

    /** Hazelcast instantiates merge policies by class name on every member. */
    public HigherVersionMergePolicy() {
    }

    @Override
    public Object merge(T merging, T existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        OptionalLong mergingVersion = versionOf(merging.getDeserializedValue());
        OptionalLong existingVersion = versionOf(existing.getDeserializedValue());
        boolean mergingIsNewer = mergingVersion.isPresent() && existingVersion.isPresent()
                && mergingVersion.getAsLong() > existingVersion.getAsLong();
        return mergingIsNewer ? merging.getRawValue() : existing.getRawValue();
    }

    static OptionalLong versionOf(Object value) {
        if (value instanceof Incident incident) {
            return OptionalLong.of(incident.version());
        }
        if (value instanceof ConferenceRecord conference) {
            return OptionalLong.of(conference.version());
        }
        return OptionalLong.empty();
    }

    // Stateless: nothing to send when Hazelcast ships the policy with a merge operation.
    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
