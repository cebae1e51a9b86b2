package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merge decision on its own. "Merging" is the smaller cluster's copy, "existing" the larger one's. Each copy
 * carries a stand-in for its serialized form, so the tests also show that the stored (raw) value is returned,
 * never the deserialized object the decision was made on.
 */
class HigherVersionMergePolicyTest {

    private final HigherVersionMergePolicy<Object, Copy> policy = new HigherVersionMergePolicy<>();

    @Test
    void aHigherIncidentVersionFromTheSmallerSideReplacesTheLargerSidesCopy() {
        Copy minority = new Copy(incident(Phase.RECONNECT_ENQUEUED, 7), "bytes-of-v7");
        Copy majority = new Copy(incident(Phase.PINGING, 5), "bytes-of-v5");

        assertThat(policy.merge(minority, majority)).isEqualTo("bytes-of-v7");
        // What Hazelcast's default does with the same two copies: the acknowledged v7 is gone.
        assertThat(new PutIfAbsentMergePolicy<Object, Copy>().merge(minority, majority)).isEqualTo("bytes-of-v5");
    }

    @Test
    void anOlderCopyFromTheSmallerSideNeverRollsTheLargerSideBack() {
        Copy minority = new Copy(conference(2), "bytes-of-v2");
        Copy majority = new Copy(conference(9), "bytes-of-v9");

        assertThat(policy.merge(minority, majority)).isEqualTo("bytes-of-v9");
    }

    @Test
    void onEqualVersionsTheLargerSidesCopyStays() {
        Copy minority = new Copy(incident(Phase.REQUEUED, 4), "minority-v4");
        Copy majority = new Copy(incident(Phase.RECONNECT_ENQUEUED, 4), "majority-v4");

        assertThat(policy.merge(minority, majority)).isEqualTo("majority-v4");
    }

    @Test
    void aKeyOnlyTheSmallerSideHasIsKept() {
        Copy minority = new Copy(conference(1), "only-copy");

        assertThat(policy.merge(minority, null)).isEqualTo("only-copy");
    }

    @Test
    void valuesWithoutAVersionKeepTheLargerSidesCopyAsPutIfAbsentWould() {
        Copy minority = new Copy("some string", "minority");
        Copy majority = new Copy("another string", "majority");

        assertThat(policy.merge(minority, majority)).isEqualTo("majority");
    }

    /** One side's copy of a key: the object the decision reads and the serialized form Hazelcast stores. */
    record Copy(Object deserialized, Object raw) implements MergingValue<Object> {
        @Override
        public Object getDeserializedValue() {
            return deserialized;
        }

        @Override
        public Object getRawValue() {
            return raw;
        }
    }

    private static ConferenceRecord conference(long version) {
        return new ConferenceRecord("CF1", "CA-customer", Map.of(), false, version, null, version);
    }

    private static Incident incident(Phase phase, long version) {
        DroppedWorker alice = new DroppedWorker("WK-alice", "alice", "CA-alice", "WT1", "WR1", "WW1", null);
        return new Incident("CF1:CA-alice", "CF1", 1, null, phase, "CF1", alice, "CA-customer", List.of(), null, null,
                null, null, null, null, null, Instant.EPOCH, null, Map.of(), List.of(), version, null);
    }
}
