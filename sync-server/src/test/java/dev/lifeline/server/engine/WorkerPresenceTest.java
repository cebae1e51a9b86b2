package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.ConferenceStateMachine;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presence hint follows every change of a record that brings an agent's leg in or takes it out, and of two
 * writes of one conference's hint the newer record's wins, whichever lands last.
 */
class WorkerPresenceTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();
    private HazelcastInstance member;
    private ConferenceStore store;
    private WorkerPresence presence;

    @BeforeEach
    void start() {
        member = factory.newHazelcastInstance(HazelcastMembers.config(
                new ClusterSettings("presence-" + UUID.randomUUID(), 5701, List.of("a"), 1)));
        StateIndexes.tryAdd(member);
        store = new ConferenceStore(member);
        presence = new WorkerPresence(member);
    }

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void theAgentsConferenceIsFoundFromTheRegistrationOfHerLegUntilItLeaves() {
        StoreRecords.live(store, "CF1", "WKalice");
        StoreRecords.live(store, "CF2", "WKbob");

        assertThat(sids(store.withWorkerPresent("WKalice"))).containsExactly("CF1");
        assertThat(sids(store.withWorkerPresent("WKbob"))).containsExactly("CF2");

        store.apply(ConferenceCallback.leave("CF1", "CAa-CF1", 3, LeaveReason.PARTICIPANT_HUNG_UP));
        assertThat(store.withWorkerPresent("WKalice")).as("her leg left").isEmpty();
        assertThat(presence.candidatesFor("WKalice")).as("and the hint with it").isEmpty();

        StoreRecords.end(store, "CF2");
        assertThat(store.withWorkerPresent("WKbob")).as("an ended conference has nobody in it").isEmpty();
    }

    @Test
    void aCallbackThatChangesNobodysPresenceLeavesTheHintAlone() {
        StoreRecords.live(store, "CF3", "WKalice");
        long hinted = hintVersion("CF3");

        store.apply(ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, "CF3", "CAc-CF3", 3));

        assertThat(store.get("CF3").orElseThrow().version()).as("the record moved on").isGreaterThan(hinted);
        assertThat(hintVersion("CF3")).as("the hint was not written again").isEqualTo(hinted);
        assertThat(sids(store.withWorkerPresent("WKalice"))).containsExactly("CF3");
    }

    @Test
    void ofTwoRacingHintWritesTheNewerRecordsWinsAndAnEmptyHintKeepsALateOlderOneOut() {
        presence.follow(record("CF4", 3, "WKalice"));
        presence.follow(record("CF4", 2));
        assertThat(presence.candidatesFor("WKalice")).as("an older write landing last changes nothing").containsExactly("CF4");

        presence.follow(record("CF5", 5));
        presence.follow(record("CF5", 4, "WKbob"));
        assertThat(presence.candidatesFor("WKbob")).as("bob had left by version 5: he is not brought back").isEmpty();
    }

    /** A record of {@code version} with the given agents' legs present (and a customer). */
    private static ConferenceRecord record(String conferenceSid, long version, String... workerSids) {
        ConferenceRecord record = null;
        for (int i = 0; i < workerSids.length; i++) {
            String leg = "CA" + conferenceSid + "-" + i;
            record = ConferenceStateMachine.apply(record,
                    ConferenceCallback.join(conferenceSid, leg, i + 1, workerSids[i], false, false, false)).next();
            record = ConferenceStateMachine.register(record,
                    new WorkerRegistration(conferenceSid, leg, "CAcust",
                            new WorkerAssignment(workerSids[i], workerSids[i], "WR" + i,
                                    "WT" + i, "WW", TaskAttributes.of(Map.of())))).next();
        }
        ConferenceRecord base = record != null ? record : new ConferenceRecord(conferenceSid, null, Map.of(), false, 0,
                null, version);
        return new ConferenceRecord(base.conferenceSid(), base.customerCallSid(), base.participants(), base.ended(),
                base.lastSequence(), base.recoveringIncidentId(), version);
    }

    private long hintVersion(String conferenceSid) {
        return member.<String, WorkerPresence.PresentWorkers>getMap(HazelcastMembers.PRESENT_WORKERS).get(conferenceSid).version();
    }

    private static List<String> sids(List<ConferenceRecord> records) {
        return records.stream().map(ConferenceRecord::conferenceSid).toList();
    }
}
