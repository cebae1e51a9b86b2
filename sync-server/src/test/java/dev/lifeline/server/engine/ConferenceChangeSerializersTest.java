package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.test.Accessors;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A conference change travels to the owner and the backup in its own form, every kind with all its fields. */
class ConferenceChangeSerializersTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void everyKindOfChangeSurvivesWithItsNulls() {
        InternalSerializationService serialization = Accessors.getSerializationService(
                factory.newHazelcastInstance(HazelcastMembers.config(new ClusterSettings("changes-" + UUID.randomUUID(),
                        5701, List.of("a"), 1))));
        WorkerRegistration registration = new WorkerRegistration("CF1", "CAalice", "CAcust",
                new WorkerAssignment("WKalice", "Alice", "WR1", "WT1", "WW1", TaskAttributes.of(Map.of("call_sid", "CAcust"))));
        Duration retention = Duration.ofMinutes(30).plusNanos(7);
        List<ConferenceStore.Change> changes = List.of(
                new ConferenceStore.Change(ConferenceStore.Change.Kind.CALLBACK,
                        ConferenceCallback.join("CF1", "CAcust", 1, "customer", false, false, true), null, null, null, retention),
                new ConferenceStore.Change(ConferenceStore.Change.Kind.REGISTER, null, registration, null, null, retention),
                new ConferenceStore.Change(ConferenceStore.Change.Kind.GRACEFUL, null, null, "CAalice",
                        GracefulExit.COLD_TRANSFER, retention),
                new ConferenceStore.Change(ConferenceStore.Change.Kind.SILENT_DESKTOP, null, null, "CAalice", null,
                        Duration.ZERO));

        for (ConferenceStore.Change change : changes) {
            Data data = serialization.toData(change);
            assertThat(data.getType()).isEqualTo(ConferenceChangeSerializers.CHANGE_TYPE_ID);
            assertThat((Object) serialization.toObject(data)).isEqualTo(change);
        }
    }
}
