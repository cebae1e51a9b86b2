package dev.lifeline.server.cluster.serialization;

import com.hazelcast.config.SerializationConfig;
import dev.lifeline.server.cluster.MemberSerializationFilter;
import dev.lifeline.server.engine.ConferenceChangeSerializers;

/**
 * How a member serializes what it keeps in and ships between the maps. The conference state every webhook reads and
 * writes is Compact ({@link ConferenceSerializers}), and the conference change and its result have their own stream
 * form ({@link ConferenceChangeSerializers}): Hazelcast serializes a processor's result on every call, and copies an
 * indexed OBJECT-format record before each processor runs, so with Java serialization these were about a fifth of a
 * webhook's time ({@code bench/run.sh webhooks}). Everything else (incidents, their effects and events, and the
 * effects and events a conference change returns) is still Java-serialized, and only the classes of
 * {@link MemberSerializationFilter} are rebuilt from it.
 *
 * <p>Rolling upgrades: a member of a build before this format cannot read these records (it would look for a
 * Compact serializer it does not have), nor this one the older member's Java-serialized records of the same types.
 * Members of the two builds must not share a cluster: upgrade by starting a new cluster of new members (the
 * reconciler rebuilds live conferences from Twilio) rather than one member at a time. Within this format, Compact
 * allows adding a field (readers of the older schema ignore it; a new reader must give a default when
 * {@code getFieldKind} says it is absent), so later changes can roll. The stream forms of
 * {@link ConferenceChangeSerializers} have no such room: a change to them (the result's {@code news} flag, added with
 * the end of the conference callbacks' seen-marks) is again a new cluster, not a rolling upgrade.
 */
public final class LifelineSerialization {

    private LifelineSerialization() {
    }

    public static void configure(SerializationConfig serialization) {
        serialization.setJavaSerializationFilterConfig(MemberSerializationFilter.allowList());
        ConferenceSerializers.all().forEach(serialization.getCompactSerializationConfig()::addSerializer);
        ConferenceChangeSerializers.configs().forEach(serialization::addSerializerConfig);
    }
}
