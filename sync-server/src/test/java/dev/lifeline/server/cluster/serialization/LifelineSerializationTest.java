package dev.lifeline.server.cluster.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.test.Accessors;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.engine.AppliedConference;
import dev.lifeline.server.engine.ConferenceStore.PendingAssignment;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.testsupport.Await;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every type the webhook path keeps in or ships between the maps survives the member's serialization with all its
 * fields (nulls, nested objects and collections included), in the Compact or stream form meant for it rather than
 * Java serialization; and Java serialization still rebuilds only the allow-listed classes.
 */
class LifelineSerializationTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();
    private final ClusterSettings settings = new ClusterSettings("serialization-" + UUID.randomUUID(), 5701,
            List.of("a", "b"), 1);

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void taskAttributesKeepEveryValueAndItsType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("hang_up_by", "Customer");
        nested.put("list", List.of(1, 2L, "three", Map.of("four", 4.0), List.of(true)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("string", "vip ☎");
        values.put("int", 5);
        values.put("long", 5L);
        values.put("double", 2.5);
        values.put("float", 1.5f);
        values.put("short", (short) 7);
        values.put("byte", (byte) 8);
        values.put("boolean", false);
        values.put("decimal", new BigDecimal("12345678901234567890.123"));
        values.put("bigint", new BigInteger("123456789012345678901234567890"));
        values.put("conversations", nested);
        values.put("empty", Map.of());
        TaskAttributes attributes = TaskAttributes.of(values);

        TaskAttributes copy = compactRoundTrip(attributes);

        assertThat(copy).isEqualTo(attributes);
        assertThat(copy.values().get("long")).isInstanceOf(Long.class);
        assertThat(copy.values().get("int")).isInstanceOf(Integer.class);
        assertThat(compactRoundTrip(TaskAttributes.empty())).isEqualTo(TaskAttributes.empty());
    }

    @Test
    void conferenceRecordsKeepEveryParticipantAndNull() {
        assertThat(compactRoundTrip(record())).isEqualTo(record());
        ConferenceRecord bare = new ConferenceRecord("CF2", null, Map.of(), true, -1, null, 0);
        assertThat(compactRoundTrip(bare)).isEqualTo(bare);
        assertThat(compactRoundTrip(assignment())).isEqualTo(assignment());
        Participant unknown = new Participant("CAx", PartyRole.EXTERNAL, null, null, false, false, false, false, false,
                false, -1, false);
        assertThat(compactRoundTrip(unknown)).isEqualTo(unknown);
    }

    @Test
    void callbacksRegistrationsAndPendingAssignmentsKeepEveryField() {
        ConferenceCallback full = new ConferenceCallback("CF1", "CAcust", ConferenceCallback.Kind.PARTICIPANT_LEAVE, 7,
                "customer", true, false, true, LeaveReason.PARTICIPANT_HUNG_UP, "completed", "WT1", "https://x/a?b=c");
        ConferenceCallback sparse = ConferenceCallback.end("CF1", 9);
        WorkerRegistration registration = new WorkerRegistration("CF1", "CAalice", "CAcust", assignment());
        PendingAssignment pending = new PendingAssignment(assignment(), "CAcust", "alice");
        PendingAssignment pendingWithNulls = new PendingAssignment(assignment(), null, null);

        assertThat(compactRoundTrip(full)).isEqualTo(full);
        assertThat(compactRoundTrip(sparse)).isEqualTo(sparse);
        assertThat(sparse.hold()).isNull();
        assertThat(compactRoundTrip(registration)).isEqualTo(registration);
        assertThat(compactRoundTrip(pending)).isEqualTo(pending);
        assertThat(compactRoundTrip(pendingWithNulls)).isEqualTo(pendingWithNulls);
    }

    @Test
    void aConferenceChangeResultKeepsItsRecordEffectsEventsAndWhetherItWasNews() {
        AppliedConference quiet = new AppliedConference(record(), List.of(), List.of(), true, true);
        AppliedConference redelivery = new AppliedConference(record(), List.of(), List.of(), false, false);
        AppliedConference drop = new AppliedConference(record(),
                List.of(new Effect.EndConference("CF1:e1", "CF1"), new Effect.StopHoldMusic("CF1:e2", "CF1", "CAcust")),
                List.of(new RecoveryEvent.CustomerLeft("CAcust"), new RecoveryEvent.PartiesMoved()), true, false);
        AppliedConference nothing = new AppliedConference(null, List.of(), List.of(), false, false);

        for (AppliedConference applied : List.of(quiet, redelivery, drop, nothing)) {
            Data data = serialization().toData(applied);
            assertThat(data.getType()).as("its own stream form").isPositive();
            assertThat((Object) serialization().toObject(data)).isEqualTo(applied);
        }
    }

    @Test
    void conferenceStateCrossesToAnotherMember() {
        HazelcastInstance writer = factory.newHazelcastInstance(HazelcastMembers.config(settings));
        HazelcastInstance reader = factory.newHazelcastInstance(HazelcastMembers.config(settings));
        Await.until("both members joined", () -> reader.getCluster().getMembers().size() == 2);
        IMap<String, Object> written = writer.getMap("probe-" + UUID.randomUUID());
        IMap<String, Object> read = reader.getMap(written.getName());

        for (int i = 0; i < 20; i++) {
            written.put("record-" + i, record());
            written.put("pending-" + i, new PendingAssignment(assignment(), "CAcust", "alice"));
        }

        for (int i = 0; i < 20; i++) {
            assertThat(read.get("record-" + i)).isEqualTo(record());
            assertThat(read.get("pending-" + i)).isEqualTo(new PendingAssignment(assignment(), "CAcust", "alice"));
        }
    }

    @Test
    void javaSerializationStillRebuildsOnlyAllowListedClasses() throws Exception {
        InternalSerializationService serialization = serialization();
        Data gadget = serialization.toData(new URL("http://gadget.invalid/"));

        assertThatThrownBy(() -> serialization.toObject(gadget))
                .isInstanceOf(HazelcastSerializationException.class)
                .hasStackTraceContaining("java.net.URL");
        RecoveryEvent allowed = new RecoveryEvent.DeadlinePassed(java.time.Instant.parse("2026-12-05T19:00:00Z"));
        assertThat((Object) serialization.toObject(serialization.toData(allowed))).isEqualTo(allowed);
    }

    private <T> T compactRoundTrip(T value) {
        Data data = serialization().toData(value);
        assertThat(data.getType()).as("%s is Compact", value.getClass().getSimpleName())
                .isEqualTo(SerializationConstants.TYPE_COMPACT);
        return serialization().toObject(data);
    }

    private InternalSerializationService serialization() {
        if (factory.getAllHazelcastInstances().isEmpty()) {
            factory.newHazelcastInstance(HazelcastMembers.config(settings));
        }
        return Accessors.getSerializationService(factory.getAllHazelcastInstances().iterator().next());
    }

    private static WorkerAssignment assignment() {
        return new WorkerAssignment("WKalice", "Alice", "WR1", "WT1", "WW1", TaskAttributes.of(Map.of(
                "call_sid", "CAcust", "priority", 5,
                "conversations", Map.of("conversation_attribute_1", "vip", "tags", List.of("a", "b")))));
    }

    private static ConferenceRecord record() {
        Participant alice = new Participant("CAalice", PartyRole.WORKER, "alice", assignment(), false, true, false, true,
                false, false, 4, false);
        Participant customer = new Participant("CAcust", PartyRole.CUSTOMER, null, null, true, false, true, true, true,
                true, 3, true);
        return new ConferenceRecord("CF1", "CAcust", Map.of("CAalice", alice, "CAcust", customer), false, 4,
                "CF1:CAalice", 12);
    }
}
