package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.WireViews;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real member with a one-second retention: finished incidents and ended conferences go, open ones stay however
 * long they have been open, and the supervisor's recent outcomes outlive the incidents they list.
 */
class RetentionTest {

    private static final Duration RETENTION = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final AgentDirectory AGENTS = new AgentDirectory(UserDirectory.demo(new PasswordHasher(1000)), Map.of());

    private static HazelcastInstance member;
    private static IncidentStore incidents;
    private static ConferenceStore conferences;

    @BeforeAll
    static void start() {
        member = HazelcastMembers.start(new ClusterSettings("retention-" + UUID.randomUUID(), 6201,
                List.of("127.0.0.1:6201"), 1, 1));
        incidents = new IncidentStore(member, RETENTION);
        conferences = new ConferenceStore(member, RETENTION);
    }

    @AfterAll
    static void stop() {
        member.getLifecycleService().terminate();
    }

    @Test
    void aFinishedIncidentExpiresAfterTheRetention() {
        Incident finished = StoreRecords.settleEffects(incidents,
                StoreRecords.cancel(incidents, StoreRecords.open(incidents, "1", "WKalice")));
        assertThat(finished.finished()).isTrue();

        Await.until("the finished incident expired", () -> incidents.get(finished.incidentId()).isEmpty(), WAIT);
    }

    @Test
    void anOpenIncidentNeverExpiresEvenWhenOlderThanTheRetention() {
        Incident open = StoreRecords.open(incidents, "2", "WKbob");
        // Opened before this one finished, so it has been open for longer than the retention once this one is gone.
        Incident later = StoreRecords.settleEffects(incidents,
                StoreRecords.cancel(incidents, StoreRecords.open(incidents, "3", "WKcarol")));
        Await.until("an incident finished after it expired", () -> incidents.get(later.incidentId()).isEmpty(), WAIT);

        assertThat(incidents.get(open.incidentId())).hasValueSatisfying(i -> assertThat(i.phase()).isEqualTo(Phase.DETECTED));
        assertThat(expirationOf(HazelcastMembers.INCIDENTS, open.incidentId())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aTerminalIncidentWithEffectsStillToPerformIsKeptUntilTheyAreSettled() {
        Incident cancelled = StoreRecords.cancel(incidents, StoreRecords.open(incidents, "4", "WKdave"));
        assertThat(cancelled.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(cancelled.pendingEffects()).isNotEmpty();
        Incident later = StoreRecords.settleEffects(incidents,
                StoreRecords.cancel(incidents, StoreRecords.open(incidents, "5", "WKerin")));
        Await.until("an incident finished after it expired", () -> incidents.get(later.incidentId()).isEmpty(), WAIT);

        assertThat(incidents.get(cancelled.incidentId())).as("the reconciler still has its effects to perform").isPresent();
        assertThat(incidents.localUnfinishedIncidentIds()).contains(cancelled.incidentId());
        StoreRecords.settleEffects(incidents, cancelled);
        Await.until("it expired once its effects were settled", () -> incidents.get(cancelled.incidentId()).isEmpty(), WAIT);
    }

    @Test
    void theCustomerIndexEntryLivesAsLongAsItsIncidentCan() {
        Incident open = StoreRecords.open(incidents, "6", "WKfrank");

        long ttl = member.<String, String>getMap(HazelcastMembers.INCIDENTS_BY_CUSTOMER)
                .getEntryView(StoreRecords.customer("6")).getTtl();
        assertThat(Duration.ofMillis(ttl)).isEqualTo(StoreRecords.POLICY.overallDeadline().plus(RETENTION));
        assertThat(incidents.incidentOfCustomer(StoreRecords.customer("6"))).contains(open.incidentId());
    }

    @Test
    void anEndedConferenceExpiresAndALiveOneStays() {
        StoreRecords.live(conferences, "CFlive", "WKgina");
        StoreRecords.live(conferences, "CFended", "WKhank");
        StoreRecords.end(conferences, "CFended");

        Await.until("the ended conference expired", () -> conferences.get("CFended").isEmpty(), WAIT);
        assertThat(conferences.get("CFlive")).hasValueSatisfying(c -> assertThat(c.ended()).isFalse());
        assertThat(expirationOf(HazelcastMembers.CONFERENCES, "CFlive")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theSupervisorsRecentOutcomesShowARestoredIncidentAndItsTimeToReconnectAfterItExpired() {
        Incident restored = StoreRecords.settleEffects(incidents,
                StoreRecords.restore(incidents, StoreRecords.open(incidents, "7", "WKivan")));
        assertThat(restored.phase()).isEqualTo(Phase.RESTORED);
        FinishedIncident row = WireViews.finished(restored, AGENTS).orElseThrow();
        assertThat(row.timeToReconnect()).isNotNull();
        Await.until("the restored incident expired", () -> incidents.get(restored.incidentId()).isEmpty(), WAIT);

        assertThat(incidents.recentlyFinished()).filteredOn(i -> i.incidentId().equals(restored.incidentId()))
                .singleElement()
                .satisfies(outcome -> assertThat(WireViews.finished(outcome, AGENTS)).contains(row));
    }

    private static long expirationOf(String map, String key) {
        IMap<String, Object> entries = member.getMap(map);
        return entries.getEntryView(key).getExpirationTime();
    }
}
