package dev.lifeline.server.cluster.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.engine.ConferenceStore.PendingAssignment;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact serializers of the conference state a webhook reads and writes: the record, its participants and their
 * assignments, the callback and registration a change carries, and the pending assignment of an accepted task.
 * Written by hand (Hazelcast's reflective Compact serializer takes no {@code Map} or {@code List} fields, and it would
 * bind the format to field names that refactoring renames). The type names are the format's names: changing one, or
 * a field's name or kind, is a format change (see {@link LifelineSerialization} on rolling upgrades).
 */
final class ConferenceSerializers {

    private ConferenceSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new Record(), new ParticipantSerializer(), new Assignment(), new Attributes(), new Callback(),
                new Registration(), new Pending());
    }

    static final class Record implements CompactSerializer<ConferenceRecord> {
        @Override
        public ConferenceRecord read(CompactReader in) {
            String[] callSids = in.readArrayOfString("participantCallSids");
            Participant[] participants = in.readArrayOfCompact("participants", Participant.class);
            Map<String, Participant> byCallSid = new HashMap<>();
            for (int i = 0; i < callSids.length; i++) {
                byCallSid.put(callSids[i], participants[i]);
            }
            return new ConferenceRecord(in.readString("conferenceSid"), in.readString("customerCallSid"), byCallSid,
                    in.readBoolean("ended"), in.readInt64("lastSequence"), in.readString("recoveringIncidentId"),
                    in.readInt64("version"));
        }

        @Override
        public void write(CompactWriter out, ConferenceRecord record) {
            // Keys and values side by side: the key is the participant's call SID today, but the format keeps the map.
            String[] callSids = new String[record.participants().size()];
            Participant[] participants = new Participant[callSids.length];
            int i = 0;
            for (Map.Entry<String, Participant> entry : record.participants().entrySet()) {
                callSids[i] = entry.getKey();
                participants[i++] = entry.getValue();
            }
            out.writeString("conferenceSid", record.conferenceSid());
            out.writeString("customerCallSid", record.customerCallSid());
            out.writeArrayOfString("participantCallSids", callSids);
            out.writeArrayOfCompact("participants", participants);
            out.writeBoolean("ended", record.ended());
            out.writeInt64("lastSequence", record.lastSequence());
            out.writeString("recoveringIncidentId", record.recoveringIncidentId());
            out.writeInt64("version", record.version());
        }

        @Override
        public String getTypeName() {
            return "lifeline.ConferenceRecord";
        }

        @Override
        public Class<ConferenceRecord> getCompactClass() {
            return ConferenceRecord.class;
        }
    }

    static final class ParticipantSerializer implements CompactSerializer<Participant> {
        @Override
        public Participant read(CompactReader in) {
            return new Participant(in.readString("callSid"), PartyRole.valueOf(in.readString("role")),
                    in.readString("label"), in.readCompact("worker"), in.readBoolean("hold"), in.readBoolean("muted"),
                    in.readBoolean("endConferenceOnExit"), in.readBoolean("present"), in.readBoolean("hasLeft"),
                    in.readBoolean("leftGracefully"), in.readInt64("lastSequence"), in.readBoolean("endedForSilence"));
        }

        @Override
        public void write(CompactWriter out, Participant p) {
            out.writeString("callSid", p.callSid());
            out.writeString("role", p.role().name());
            out.writeString("label", p.label());
            out.writeCompact("worker", p.worker());
            out.writeBoolean("hold", p.hold());
            out.writeBoolean("muted", p.muted());
            out.writeBoolean("endConferenceOnExit", p.endConferenceOnExit());
            out.writeBoolean("present", p.present());
            out.writeBoolean("hasLeft", p.hasLeft());
            out.writeBoolean("leftGracefully", p.leftGracefully());
            out.writeInt64("lastSequence", p.lastSequence());
            out.writeBoolean("endedForSilence", p.endedForSilence());
        }

        @Override
        public String getTypeName() {
            return "lifeline.Participant";
        }

        @Override
        public Class<Participant> getCompactClass() {
            return Participant.class;
        }
    }

    static final class Assignment implements CompactSerializer<WorkerAssignment> {
        @Override
        public WorkerAssignment read(CompactReader in) {
            return new WorkerAssignment(in.readString("workerSid"), in.readString("workerName"),
                    in.readString("reservationSid"), in.readString("taskSid"), in.readString("workflowSid"),
                    in.readCompact("taskAttributes"));
        }

        @Override
        public void write(CompactWriter out, WorkerAssignment a) {
            out.writeString("workerSid", a.workerSid());
            out.writeString("workerName", a.workerName());
            out.writeString("reservationSid", a.reservationSid());
            out.writeString("taskSid", a.taskSid());
            out.writeString("workflowSid", a.workflowSid());
            out.writeCompact("taskAttributes", a.taskAttributes());
        }

        @Override
        public String getTypeName() {
            return "lifeline.WorkerAssignment";
        }

        @Override
        public Class<WorkerAssignment> getCompactClass() {
            return WorkerAssignment.class;
        }
    }

    static final class Attributes implements CompactSerializer<TaskAttributes> {
        @Override
        public TaskAttributes read(CompactReader in) {
            return TaskAttributesCodec.decode(in.readArrayOfInt8("encoded"));
        }

        @Override
        public void write(CompactWriter out, TaskAttributes attributes) {
            out.writeArrayOfInt8("encoded", TaskAttributesCodec.encode(attributes));
        }

        @Override
        public String getTypeName() {
            return "lifeline.TaskAttributes";
        }

        @Override
        public Class<TaskAttributes> getCompactClass() {
            return TaskAttributes.class;
        }
    }

    static final class Callback implements CompactSerializer<ConferenceCallback> {
        @Override
        public ConferenceCallback read(CompactReader in) {
            return new ConferenceCallback(in.readString("conferenceSid"), in.readString("callSid"),
                    ConferenceCallback.Kind.valueOf(in.readString("kind")), in.readInt64("sequenceNumber"),
                    in.readString("label"), in.readNullableBoolean("hold"), in.readNullableBoolean("muted"),
                    in.readNullableBoolean("endConferenceOnExit"), LeaveReason.valueOf(in.readString("reason")),
                    in.readString("participantCallStatus"), in.readString("friendlyName"), in.readString("announceUrl"));
        }

        @Override
        public void write(CompactWriter out, ConferenceCallback c) {
            out.writeString("conferenceSid", c.conferenceSid());
            out.writeString("callSid", c.callSid());
            out.writeString("kind", c.kind().name());
            out.writeInt64("sequenceNumber", c.sequenceNumber());
            out.writeString("label", c.label());
            out.writeNullableBoolean("hold", c.hold());
            out.writeNullableBoolean("muted", c.muted());
            out.writeNullableBoolean("endConferenceOnExit", c.endConferenceOnExit());
            out.writeString("reason", c.reason().name());
            out.writeString("participantCallStatus", c.participantCallStatus());
            out.writeString("friendlyName", c.friendlyName());
            out.writeString("announceUrl", c.announceUrl());
        }

        @Override
        public String getTypeName() {
            return "lifeline.ConferenceCallback";
        }

        @Override
        public Class<ConferenceCallback> getCompactClass() {
            return ConferenceCallback.class;
        }
    }

    static final class Registration implements CompactSerializer<WorkerRegistration> {
        @Override
        public WorkerRegistration read(CompactReader in) {
            return new WorkerRegistration(in.readString("conferenceSid"), in.readString("workerCallSid"),
                    in.readString("customerCallSid"), in.readCompact("assignment"));
        }

        @Override
        public void write(CompactWriter out, WorkerRegistration r) {
            out.writeString("conferenceSid", r.conferenceSid());
            out.writeString("workerCallSid", r.workerCallSid());
            out.writeString("customerCallSid", r.customerCallSid());
            out.writeCompact("assignment", r.assignment());
        }

        @Override
        public String getTypeName() {
            return "lifeline.WorkerRegistration";
        }

        @Override
        public Class<WorkerRegistration> getCompactClass() {
            return WorkerRegistration.class;
        }
    }

    static final class Pending implements CompactSerializer<PendingAssignment> {
        @Override
        public PendingAssignment read(CompactReader in) {
            return new PendingAssignment(in.readCompact("assignment"), in.readString("customerCallSid"),
                    in.readString("identity"));
        }

        @Override
        public void write(CompactWriter out, PendingAssignment p) {
            out.writeCompact("assignment", p.assignment());
            out.writeString("customerCallSid", p.customerCallSid());
            out.writeString("identity", p.identity());
        }

        @Override
        public String getTypeName() {
            return "lifeline.PendingAssignment";
        }

        @Override
        public Class<PendingAssignment> getCompactClass() {
            return PendingAssignment.class;
        }
    }
}
