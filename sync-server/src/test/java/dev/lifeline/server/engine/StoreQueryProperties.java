package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.desktop.AgentStates;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.DesktopHub;
import dev.lifeline.server.taskrouter.ReservationRecord;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The indexed queries that replaced whole-map scans return exactly what the scans returned: random incidents,
 * conferences and reservations (every phase, pending and settled effects, present and departed legs of several
 * workers, ended conferences) are written to a two-member cluster, and every query, asked on each member, is
 * compared with a brute-force filter over a copy of the whole map — the code it replaced.
 */
class StoreQueryProperties {

    private static final List<String> WORKERS = List.of("WK0", "WK1", "WK2", "WK3", "WK4");
    private static final List<String> TASKS = List.of("WT0", "WT1", "WT2", "WT3", "WT4", "WT5", "WT6");

    private static final List<HazelcastInstance> members = new ArrayList<>();
    private static final List<DesktopHub> hubs = new ArrayList<>();

    @BeforeContainer
    static void startCluster() {
        String name = "queries-" + UUID.randomUUID();
        List<String> addresses = List.of("127.0.0.1:6211", "127.0.0.1:6212");
        members.add(HazelcastMembers.start(new ClusterSettings(name, 6211, addresses, 1, 1)));
        members.add(HazelcastMembers.start(new ClusterSettings(name, 6212, addresses, 1, 1)));
        Await.until("the recovery maps indexed", () -> StateIndexes.tryAdd(members.get(0)));
        AgentDirectory nobody = new AgentDirectory(UserDirectory.demo(new PasswordHasher(1000)), Map.of());
        members.forEach(member -> hubs.add(new DesktopHub(member, nobody, Clock.systemUTC())));
    }

    @AfterContainer
    static void stopCluster() {
        hubs.forEach(DesktopHub::close);
        hubs.clear();
        members.forEach(member -> member.getLifecycleService().terminate());
        members.clear();
    }

    @Property(tries = 25, seed = "2026120500001")
    void indexedQueriesReturnWhatTheWholeMapScansReturned(@ForAll long seed) {
        Random random = new Random(seed);
        HazelcastInstance writer = members.get(0);
        writeWorld(writer, random);

        for (int m = 0; m < members.size(); m++) {
            HazelcastInstance member = members.get(m);
            DesktopHub hub = hubs.get(m);
            IncidentStore incidents = new IncidentStore(member);
            ConferenceStore conferences = new ConferenceStore(member);
            Collection<Incident> everyIncident = incidents.all();
            Collection<ConferenceRecord> everyConference = conferences.all();
            Collection<ReservationRecord> everyReservation = member.<String, ReservationRecord>getMap(
                    HazelcastMembers.DESKTOP_RESERVATIONS).values();

            assertThat(ids(incidents.open())).isEqualTo(ids(everyIncident.stream().filter(i -> !i.isTerminal()).toList()));
            for (String worker : WORKERS) {
                assertThat(ids(incidents.openIncidentsOf(worker))).as("open incidents of %s", worker)
                        .isEqualTo(ids(everyIncident.stream()
                                .filter(i -> i.phase().holdsAgent() && i.droppedWorker().workerSid().equals(worker)).toList()));
                assertThat(sids(conferences.withWorkerPresent(worker))).as("conferences %s has a leg in", worker)
                        .isEqualTo(sids(everyConference.stream()
                                .filter(c -> AgentStates.myLeg(c, worker).isPresent()).toList()));
                assertThat(agentStates(member).conferenceOf(worker).map(ConferenceRecord::conferenceSid))
                        .as("the conference %s is in now", worker)
                        .isEqualTo(everyConference.stream()
                                .filter(c -> !c.ended() && AgentStates.myLeg(c, worker).isPresent())
                                .max(Comparator.comparingLong(ConferenceRecord::version))
                                .map(ConferenceRecord::conferenceSid));
            }
            for (String task : TASKS) {
                assertThat(new HashSet<>(hub.reservations().ofTask(task))).as("reservations of %s", task)
                        .isEqualTo(everyReservation.stream().filter(r -> r.taskSid().equals(task)).collect(Collectors.toSet()));
            }
            IMap<String, Incident> map = member.getMap(HazelcastMembers.INCIDENTS);
            assertThat(incidents.localUnfinishedIncidentIds()).isEqualTo(map.localKeySet().stream()
                    .filter(id -> !finishedBruteForce(map.get(id))).collect(Collectors.toSet()));
            for (String name : List.of(HazelcastMembers.INCIDENTS, HazelcastMembers.PRESENT_WORKERS,
                    HazelcastMembers.DESKTOP_RESERVATIONS)) {
                assertThat(member.getMap(name).getLocalMapStats().getIndexedQueryCount()).as("indexed queries on %s", name)
                        .isPositive();
            }
        }
    }

    /** Only what {@link AgentStates#conferenceOf} reads: the engine's conference store. */
    private static AgentStates agentStates(HazelcastInstance member) {
        RecoveryEngine engine = new RecoveryEngine(new ConferenceStore(member), new IncidentStore(member), null, null, null,
                StoreRecords.POLICY, Clock.systemUTC(), null, null, null);
        return new AgentStates(null, engine, null, null, null, Clock.systemUTC());
    }

    /** Terminal, and no outbox entry pending: spelled out here, independently of {@link Incident#finished()}. */
    private static boolean finishedBruteForce(Incident incident) {
        return incident.phase().isTerminal() && incident.outbox().stream().allMatch(e -> e.state() != OutboxEntry.State.PENDING);
    }

    private static void writeWorld(HazelcastInstance member, Random random) {
        IMap<String, Incident> incidents = member.getMap(HazelcastMembers.INCIDENTS);
        IMap<String, ConferenceRecord> conferences = member.getMap(HazelcastMembers.CONFERENCES);
        IMap<String, ReservationRecord> reservations = member.getMap(HazelcastMembers.DESKTOP_RESERVATIONS);
        incidents.clear();
        conferences.clear();
        member.getMap(HazelcastMembers.PRESENT_WORKERS).clear();
        reservations.clear();
        Map<String, Incident> newIncidents = new HashMap<>();
        for (int i = random.nextInt(40); i > 0; i--) {
            Incident incident = incident(random, i);
            newIncidents.put(incident.incidentId(), incident);
        }
        incidents.putAll(newIncidents);
        Map<String, ConferenceRecord> newConferences = new HashMap<>();
        for (int c = random.nextInt(40); c > 0; c--) {
            ConferenceRecord conference = conference(random, c);
            newConferences.put(conference.conferenceSid(), conference);
        }
        conferences.putAll(newConferences);
        // Written whole, not through changes: made findable as a rebuild's records are (and as the audit repairs).
        ConferenceStore store = new ConferenceStore(member);
        newConferences.values().forEach(store::followPresence);
        Map<String, ReservationRecord> newReservations = new HashMap<>();
        for (int r = random.nextInt(40); r > 0; r--) {
            ReservationRecord reservation = new ReservationRecord("WR" + r, pick(random, TASKS), pick(random, WORKERS),
                    pick(random, List.of("pending", "accepted", "wrapping", "completed")), "voice", "WWvoice", "WQ", "{}",
                    Instant.EPOCH);
            newReservations.put(reservation.reservationSid(), reservation);
        }
        reservations.putAll(newReservations);
    }

    private static Incident incident(Random random, int n) {
        Phase phase = pick(random, List.of(Phase.values()));
        DroppedWorker worker = new DroppedWorker(pick(random, WORKERS), "", "CAleg" + n, "WT" + n, "WR" + n, "WWvoice",
                TaskAttributes.empty());
        List<OutboxEntry> outbox = new ArrayList<>();
        for (int e = random.nextInt(3); e > 0; e--) {
            OutboxEntry.State state = pick(random, List.of(OutboxEntry.State.values()));
            outbox.add(new OutboxEntry(new Effect.CompleteTask(n + "/effect-" + e, "WT" + n, "test"), state, null));
        }
        return new Incident("CF" + n + ":CAleg" + n, null, 1, null, phase, "CF" + n, worker, "CAcustomer" + n, List.of(),
                null, null, null, null, null, null, null, null, null, Map.of(phase, Instant.EPOCH), outbox, 1, null);
    }

    private static ConferenceRecord conference(Random random, int n) {
        boolean ended = random.nextInt(4) == 0;
        Map<String, Participant> participants = new HashMap<>();
        for (int p = random.nextInt(4); p > 0; p--) {
            PartyRole role = pick(random, List.of(PartyRole.values()));
            String worker = pick(random, WORKERS);
            WorkerAssignment assignment = role == PartyRole.WORKER && random.nextInt(5) > 0
                    ? new WorkerAssignment(worker, worker, "WR" + n, "WT" + n, "WWvoice", TaskAttributes.empty()) : null;
            // An ended conference has nobody present, but the reader must not rely on that.
            boolean present = ended ? random.nextInt(8) == 0 : random.nextBoolean();
            String callSid = "CA" + n + "-" + p;
            participants.put(callSid, new Participant(callSid, role, null, assignment, false, false, false, present,
                    !present, false, p, false));
        }
        return new ConferenceRecord("CF" + n, null, participants, ended, 10, null, n);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Set<String> ids(Collection<Incident> incidents) {
        return incidents.stream().map(Incident::incidentId).collect(Collectors.toSet());
    }

    private static Set<String> sids(Collection<ConferenceRecord> conferences) {
        return conferences.stream().map(ConferenceRecord::conferenceSid).collect(Collectors.toSet());
    }
}
