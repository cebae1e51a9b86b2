package dev.lifeline.server.taskrouter;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reservations heard of through TaskRouter's events, by reservation SID, in a Hazelcast map: any member can tell
 * whose reservation a desktop request names, and which agents hold a task, without asking Twilio.
 */
public final class Reservations {

    private static final long RECORD_TTL_HOURS = 24;

    private final IMap<String, ReservationRecord> reservations;

    public Reservations(HazelcastInstance hazelcast) {
        this.reservations = hazelcast.getMap(HazelcastMembers.DESKTOP_RESERVATIONS);
    }

    public Optional<ReservationRecord> get(String reservationSid) {
        return Optional.ofNullable(reservationSid == null ? null : reservations.get(reservationSid));
    }

    /** Reservations seen for a task, any worker (an indexed query: every TaskRouter task event asks). */
    public List<ReservationRecord> ofTask(String taskSid) {
        if (taskSid == null) {
            return List.of();
        }
        return new ArrayList<>(reservations.values(Predicates.equal(StateIndexes.RESERVATION_TASK, taskSid)));
    }

    void remember(ReservationRecord record) {
        reservations.set(record.reservationSid(), record, RECORD_TTL_HOURS, TimeUnit.HOURS);
    }
}
