package dev.lifeline.server.recovery;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.ConferenceStateMachine;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hazelcast stores incidents and ships them in EntryProcessors: they must survive Java serialization. */
class SerializationTest {

    @Test
    void incidentWithEveryKindOfEffectSurvivesSerialization() throws Exception {
        Scenario s = Scenario.threeParty().reconnected().executorCompletesEverything();

        Incident copy = roundTrip(s.incident());

        assertThat(copy).isEqualTo(s.incident());
        assertThat(copy.outbox()).hasSameSizeAs(s.incident().outbox());
    }

    @Test
    void eventsAndPolicySurviveSerialization() throws Exception {
        RecoveryEvent drop = Fixtures.threePartyDrop();

        assertThat(roundTrip(drop)).isEqualTo(drop);
        assertThat(roundTrip(Fixtures.POLICY)).isEqualTo(Fixtures.POLICY);
    }

    @Test
    void everyRecordOfTheStateMachinesIsSerializable() throws Exception {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> member : List.of(RecoveryStateMachine.class, ConferenceStateMachine.class)) {
            Path directory = Path.of(member.getResource(member.getSimpleName() + ".class").toURI()).getParent();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String simpleName = file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(member.getPackageName() + "." + simpleName);
                    if (type.isRecord()) {
                        records.add(type);
                    }
                }
            }
        }

        assertThat(records).hasSizeGreaterThan(30)
                .allSatisfy(type -> assertThat(Serializable.class).as(type.getName()).isAssignableFrom(type));
    }

    @Test
    void conferenceRecordSurvivesSerialization() throws Exception {
        ConferenceRecord record = ConferenceStateMachine.register(null, new WorkerRegistration("CF1", "CAalice",
                "CAcust", new WorkerAssignment("WKalice", "Alice", "WR1", "WT1", "WW1",
                        Fixtures.voiceTaskAttributes()))).next();

        assertThat(roundTrip(record)).isEqualTo(record);
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
