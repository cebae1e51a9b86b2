package dev.lifeline.server.recovery;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

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
