package dev.lifeline.server.engine;

import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form of a conference change ({@link ConferenceStore.Change}) and of what it returns
 * ({@link AppliedConference}). Hazelcast serializes the processor's result on every callback, even on the member that
 * asked, and the processor itself for the backup; with Java serialization these were, with the record they carry, a
 * fifth of a webhook's time. The record, callback and registration inside are Compact objects; the rare effects and
 * recovery events of a drop go through {@link ObjectDataOutput#writeObject}, i.e. Java serialization under the
 * member's allow-list ({@code cluster.MemberSerializationFilter}).
 */
public final class ConferenceChangeSerializers {

    /** Type ids of custom serializers must be positive and unique in the cluster. */
    static final int CHANGE_TYPE_ID = 15_001;
    static final int APPLIED_TYPE_ID = 15_002;

    private ConferenceChangeSerializers() {
    }

    public static List<SerializerConfig> configs() {
        return List.of(new SerializerConfig().setTypeClass(ConferenceStore.Change.class).setImplementation(new ChangeSerializer()),
                new SerializerConfig().setTypeClass(AppliedConference.class).setImplementation(new AppliedSerializer()));
    }

    static final class ChangeSerializer implements StreamSerializer<ConferenceStore.Change> {
        @Override
        public void write(ObjectDataOutput out, ConferenceStore.Change change) throws IOException {
            out.writeString(change.kind().name());
            out.writeObject(change.callback());
            out.writeObject(change.registration());
            out.writeString(change.workerCallSid());
            out.writeString(change.exit() == null ? null : change.exit().name());
            out.writeLong(change.retention().getSeconds());
            out.writeInt(change.retention().getNano());
        }

        @Override
        public ConferenceStore.Change read(ObjectDataInput in) throws IOException {
            ConferenceStore.Change.Kind kind = ConferenceStore.Change.Kind.valueOf(in.readString());
            ConferenceCallback callback = in.readObject();
            WorkerRegistration registration = in.readObject();
            String workerCallSid = in.readString();
            String exit = in.readString();
            Duration retention = Duration.ofSeconds(in.readLong(), in.readInt());
            return new ConferenceStore.Change(kind, callback, registration, workerCallSid,
                    exit == null ? null : GracefulExit.valueOf(exit), retention);
        }

        @Override
        public int getTypeId() {
            return CHANGE_TYPE_ID;
        }
    }

    static final class AppliedSerializer implements StreamSerializer<AppliedConference> {
        @Override
        public void write(ObjectDataOutput out, AppliedConference applied) throws IOException {
            out.writeObject(applied.conference());
            writeList(out, applied.effects());
            writeList(out, applied.recoveryEvents());
            out.writeBoolean(applied.news());
            out.writeBoolean(applied.presenceChanged());
        }

        @Override
        public AppliedConference read(ObjectDataInput in) throws IOException {
            ConferenceRecord conference = in.readObject();
            List<Effect> effects = readList(in);
            List<RecoveryEvent> events = readList(in);
            boolean news = in.readBoolean();
            return new AppliedConference(conference, effects, events, news, in.readBoolean());
        }

        @Override
        public int getTypeId() {
            return APPLIED_TYPE_ID;
        }

        private static void writeList(ObjectDataOutput out, List<?> items) throws IOException {
            out.writeInt(items.size());
            for (Object item : items) {
                out.writeObject(item);
            }
        }

        private static <T> List<T> readList(ObjectDataInput in) throws IOException {
            int size = in.readInt();
            List<T> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(in.readObject());
            }
            return items;
        }
    }
}
