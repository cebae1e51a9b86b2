package dev.lifeline.bench;

import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.desktop.AgentStates;
import dev.lifeline.server.taskrouter.ReservationRecord;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.StoreRecords;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heap per live call and the cost of the reads that run periodically or per request, at {@code bench.calls} (500)
 * live calls, before and after issue 22 item 9, in one run. Two single-member clusters hold the same records, written
 * through the real stores and state machines: "before" is configured as the maps were (no index, Hazelcast's default
 * value caching, nothing expires), "after" as they are now (indexes, no cached copies, finished records expire, here
 * after {@code bench.retention}). The "before" reads are the replaced code, kept here verbatim, run against the same
 * data as the new ones.
 *
 * <p>Heap: used heap after full GCs (MemoryMXBean, the least of three readings) before and after writing the
 * records, divided by their number; Hazelcast's own estimate (owned entry memory cost) is printed beside it. Each
 * record is held once per copy: a cluster with backup count 1 holds it twice. Cost: wall time per read, and the
 * bytes allocated by every thread of the JVM during it (ThreadMXBean), which counts the members' query threads too.
 *
 * <p>Knobs: {@code -Dbench.calls=N} (live calls, one agent each), {@code -Dbench.recovering=N} (open incidents),
 * {@code -Dbench.finishedIncidents=N}, {@code -Dbench.endedConferences=N}, {@code -Dbench.reservations=N},
 * {@code -Dbench.refreshes=N}, {@code -Dbench.oldRefreshes=N} (the old feed is slow), {@code -Dbench.retention=D}.
 */
@Tag("bench")
class MapsBenchmark {

    private static final int CALLS = Integer.getInteger("bench.calls", 500);
    private static final int RECOVERING = Integer.getInteger("bench.recovering", 50);
    /** A day of drops at about 80 an hour: what the incident map holds with the 24 h retention, or forever before. */
    private static final int FINISHED_INCIDENTS = Integer.getInteger("bench.finishedIncidents", 2000);
    /** An hour of 5-minute calls at 500 at a time: what the conference map holds with the 1 h retention. */
    private static final int ENDED_CONFERENCES = Integer.getInteger("bench.endedConferences", 6000);
    /** Reservations are kept 24 h (DesktopHub): a fraction of a day's. */
    private static final int RESERVATIONS = Integer.getInteger("bench.reservations", 20_000);
    private static final int REFRESHES = Integer.getInteger("bench.refreshes", 200);
    private static final int OLD_REFRESHES = Integer.getInteger("bench.oldRefreshes", 5);
    private static final Duration RETENTION = Duration.parse(System.getProperty("bench.retention", "PT20S"));

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<String> report = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    @Test
    void heapPerLiveCallAndTheCostOfReadingState() throws Exception {
        HazelcastInstance before = member(6231, false);
        HazelcastInstance after = member(6241, true);
        try {
            warmUp(before);
            warmUp(after);
            heap("before", before, Duration.ofDays(365));
            heap("after", after, RETENTION);
            history("before", before, Duration.ofDays(365));
            history("after", after, RETENTION);
            awaitExpiry(after);
            report.add(String.format("before: %d incidents and %d conferences held, none ever expires",
                    before.getMap(HazelcastMembers.INCIDENTS).size(), before.getMap(HazelcastMembers.CONFERENCES).size()));
            reads(before, after);
        } finally {
            before.getLifecycleService().terminate();
            after.getLifecycleService().terminate();
        }
        System.out.println("== maps: heap and read cost at " + CALLS + " live calls (" + RECOVERING + " recovering, "
                + FINISHED_INCIDENTS + " finished incidents, " + ENDED_CONFERENCES + " ended conferences, " + RESERVATIONS
                + " reservations) ==");
        report.forEach(System.out::println);
        figures.forEach(System.out::println);
    }

    /** Loads the classes and grows the members' structures first, so the heap figures count records only. */
    private static void warmUp(HazelcastInstance member) {
        ConferenceStore conferences = new ConferenceStore(member);
        IncidentStore incidents = new IncidentStore(member);
        for (int n = 0; n < 200; n++) {
            StoreRecords.live(conferences, "CF-warm-" + n, worker(n));
            StoreRecords.settleEffects(incidents, StoreRecords.cancel(incidents,
                    StoreRecords.open(incidents, "warm-" + n, worker(n))));
        }
        readEverything(member);
        incidents.open();
        incidents.recentlyFinished();
        conferences.withWorkerPresent(worker(0));
        member.getMap(HazelcastMembers.INCIDENTS).clear();
        member.getMap(HazelcastMembers.CONFERENCES).clear();
        member.getMap(HazelcastMembers.INCIDENTS_BY_CUSTOMER).clear();
    }

    /** Live calls and open incidents, measured on their own. */
    private void heap(String label, HazelcastInstance member, Duration retention) {
        ConferenceStore conferences = new ConferenceStore(member, retention);
        IncidentStore incidents = new IncidentStore(member, retention);
        long empty = usedHeapAfterGc();
        for (int n = 0; n < CALLS; n++) {
            StoreRecords.live(conferences, "CF-live-" + n, worker(n));
        }
        readEverything(member);
        long withCalls = usedHeapAfterGc();
        for (int n = 0; n < CALLS; n++) {
            StoreRecords.open(incidents, "open-" + n, worker(n));
        }
        readEverything(member);
        long withIncidents = usedHeapAfterGc();
        long perConference = (withCalls - empty) / CALLS;
        long perIncident = (withIncidents - withCalls) / CALLS;
        report.add(String.format("%s: heap per live conference %d B (Hazelcast's estimate %d B), per open incident %d B (%d B)",
                label, perConference, costPerEntry(member, HazelcastMembers.CONFERENCES), perIncident,
                costPerEntry(member, HazelcastMembers.INCIDENTS)));
        figures.add("heap_per_live_conference_" + label + " bytes=" + perConference);
        figures.add("heap_per_open_incident_" + label + " bytes=" + perIncident);
        // Keep RECOVERING of them open, finish the others: the floor the reads run against.
        for (int n = RECOVERING; n < CALLS; n++) {
            String id = incidents.openIncidentsOf(worker(n)).get(0).incidentId();
            member.getMap(HazelcastMembers.INCIDENTS).delete(id);
        }
    }

    /** What a day (incidents) or an hour (conferences) of finished calls leaves, and reservations. */
    private void history(String label, HazelcastInstance member, Duration retention) {
        ConferenceStore conferences = new ConferenceStore(member, retention);
        IncidentStore incidents = new IncidentStore(member, retention);
        long start = usedHeapAfterGc();
        for (int n = 0; n < FINISHED_INCIDENTS; n++) {
            StoreRecords.settleEffects(incidents, StoreRecords.cancel(incidents, StoreRecords.open(incidents, "done-" + n,
                    worker(n % CALLS))));
        }
        for (int n = 0; n < ENDED_CONFERENCES; n++) {
            StoreRecords.live(conferences, "CF-ended-" + n, worker(n % CALLS));
            StoreRecords.end(conferences, "CF-ended-" + n);
        }
        readEverything(member);
        long withHistory = usedHeapAfterGc();
        IMap<String, ReservationRecord> reservations = member.getMap(HazelcastMembers.DESKTOP_RESERVATIONS);
        Map<String, ReservationRecord> batch = new HashMap<>();
        for (int n = 0; n < RESERVATIONS; n++) {
            batch.put("WR" + n, new ReservationRecord("WR" + n, "WT" + n, worker(n % CALLS), "completed", "voice", "WWvoice",
                    "WQvoice", "{\"call_sid\":\"CA" + n + "\"}", Instant.now()));
        }
        reservations.putAll(batch);
        long withReservations = usedHeapAfterGc();
        report.add(String.format("%s: finished incidents and ended conferences %.1f MB of heap (%d B each), reservations "
                        + "%.1f MB", label, (withHistory - start) / 1e6,
                (withHistory - start) / (FINISHED_INCIDENTS + ENDED_CONFERENCES), (withReservations - withHistory) / 1e6));
        figures.add(String.format("finished_history_heap_%s mb=%.1f", label, (withHistory - start) / 1e6));
    }

    /** Waits until the finished records of the "after" member are removed from memory. */
    private void awaitExpiry(HazelcastInstance member) {
        long started = System.nanoTime();
        long heapBefore = usedHeapAfterGc();
        IMap<String, Incident> incidents = member.getMap(HazelcastMembers.INCIDENTS);
        IMap<String, ConferenceRecord> conferences = member.getMap(HazelcastMembers.CONFERENCES);
        Await.until("the finished records to expire", () -> present(incidents) <= RECOVERING && present(conferences) <= CALLS,
                RETENTION.plusMinutes(2), Duration.ofMillis(200));
        long freed = heapBefore - usedHeapAfterGc();
        report.add(String.format("after: the finished records expired (%.0f s after the last was written, retention %s); "
                        + "%d incidents and %d conferences left; heap %.1f MB smaller", (System.nanoTime() - started) / 1e9,
                RETENTION, incidents.size(), conferences.size(), freed / 1e6));
        figures.add(String.format("finished_history_freed_after mb=%.1f", freed / 1e6));
    }

    /** Entries still stored: an expired one stays until the member's expiry task removes it (every 5 s, in parts). */
    private static long present(IMap<String, ?> map) {
        return map.getLocalMapStats().getOwnedEntryCount();
    }

    private void reads(HazelcastInstance before, HazelcastInstance after) {
        List<String> workers = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            workers.add(worker(n));
        }
        // The supervisor feed's state reads, once per second per member with a supervisor: the replaced code
        // copied the incident map for the lists and scanned it again for every agent's row.
        IMap<String, Incident> oldIncidents = before.getMap(HazelcastMembers.INCIDENTS);
        time("supervisor_feed_state_before", OLD_REFRESHES, () -> {
            Collection<Incident> all = new ArrayList<>(oldIncidents.values());
            List<Incident> open = all.stream().filter(i -> !i.isTerminal()).toList();
            List<Incident> finished = all.stream().filter(Incident::isTerminal).toList();
            int recovering = 0;
            for (String worker : workers) {
                List<Incident> mine = new ArrayList<>();
                for (Incident incident : oldIncidents.values()) {
                    if (!incident.isTerminal() && incident.droppedWorker().workerSid().equals(worker)) {
                        mine.add(incident);
                    }
                }
                recovering += mine.isEmpty() ? 0 : 1;
            }
            return open.size() + finished.size() + recovering;
        });
        IncidentStore newIncidents = new IncidentStore(after, RETENTION);
        time("supervisor_feed_state_after", REFRESHES, () -> {
            Collection<Incident> open = newIncidents.open();
            Set<String> recovering = open.stream().map(i -> i.droppedWorker().workerSid()).collect(Collectors.toSet());
            int rows = 0;
            for (String worker : workers) {
                rows += recovering.contains(worker) ? 1 : 0;
            }
            return open.size() + newIncidents.recentlyFinished().size() + rows;
        });
        // A desktop's first snapshot (each sign-in and reconnect): the conference its agent is in.
        IMap<String, ConferenceRecord> oldConferences = before.getMap(HazelcastMembers.CONFERENCES);
        int[] next = {0};
        time("desktop_conference_lookup_before", Math.max(OLD_REFRESHES, 20), () -> {
            String worker = workers.get(next[0]++ % workers.size());
            return oldConferences.values().stream().filter(r -> !r.ended())
                    .filter(r -> AgentStates.myLeg(r, worker).isPresent()).count();
        });
        ConferenceStore newConferences = new ConferenceStore(after, RETENTION);
        time("desktop_conference_lookup_after", REFRESHES, () -> {
            String worker = workers.get(next[0]++ % workers.size());
            return newConferences.withWorkerPresent(worker).stream().filter(r -> !r.ended()).count();
        });
        // Every TaskRouter task event: the reservations of its task.
        IMap<String, ReservationRecord> oldReservations = before.getMap(HazelcastMembers.DESKTOP_RESERVATIONS);
        time("reservations_of_task_before", Math.max(OLD_REFRESHES, 20), () -> {
            String task = "WT" + (next[0]++ % RESERVATIONS);
            return oldReservations.values().stream().filter(r -> r.taskSid().equals(task)).count();
        });
        IMap<String, ReservationRecord> newReservations = after.getMap(HazelcastMembers.DESKTOP_RESERVATIONS);
        time("reservations_of_task_after", REFRESHES, () -> {
            String task = "WT" + (next[0]++ % RESERVATIONS);
            return newReservations.values(Predicates.equal(StateIndexes.RESERVATION_TASK, task)).size();
        });
    }

    private void time(String name, int rounds, Supplier<Object> read) {
        read.get();
        Percentiles millis = new Percentiles();
        long allocated = 0;
        for (int i = 0; i < rounds; i++) {
            long bytes = allocatedBytes();
            long t0 = System.nanoTime();
            read.get();
            millis.add((System.nanoTime() - t0) / 1e6);
            allocated += allocatedBytes() - bytes;
        }
        report.add(name + ": " + millis.summary() + String.format(", %.0f kB allocated per read", allocated / 1e3 / rounds));
        figures.add(String.format("%s p50=%.2fms p99=%.2fms alloc=%.0fkB n=%d", name, millis.at(50), millis.at(99),
                allocated / 1e3 / rounds, rounds));
    }

    /** The maps as the previous version configured them, or as they are now. */
    private static HazelcastInstance member(int port, boolean current) {
        Config config = HazelcastMembers.config(new ClusterSettings("maps-bench-" + UUID.randomUUID(), port,
                List.of("127.0.0.1:" + port), 1, 1));
        config.setProperty("hazelcast.logging.type", "none");
        // Hazelcast removes expired entries in the background, a tenth of a partition's entries and a few partitions
        // every 5 s; here all of them every second, so the heap is measured once they are gone rather than minutes
        // later. (A read of an expired key removes it at once too.)
        config.setProperty("hazelcast.internal.map.expiration.task.period.seconds", "1");
        config.setProperty("hazelcast.internal.map.expiration.cleanup.percentage", "100");
        config.setProperty("hazelcast.internal.map.expiration.cleanup.operation.count", "271");
        if (!current) {
            config.getMapConfig(HazelcastMembers.DESKTOP_RESERVATIONS).getIndexConfigs().clear();
            for (String map : List.of(HazelcastMembers.INCIDENTS, HazelcastMembers.CONFERENCES,
                    HazelcastMembers.DESKTOP_RESERVATIONS)) {
                config.getMapConfig(map).setCacheDeserializedValues(CacheDeserializedValues.INDEX_ONLY);
            }
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        if (current && !StateIndexes.tryAdd(member)) {
            throw new IllegalStateException("indexes not added");
        }
        return member;
    }

    /** Every record read once, as the old scans did, so that any cached copies exist when the heap is measured. */
    private static void readEverything(HazelcastInstance member) {
        member.getMap(HazelcastMembers.INCIDENTS).values();
        member.getMap(HazelcastMembers.CONFERENCES).values();
    }

    private static long costPerEntry(HazelcastInstance member, String map) {
        var stats = member.getMap(map).getLocalMapStats();
        return stats.getOwnedEntryCount() == 0 ? 0 : stats.getOwnedEntryMemoryCost() / stats.getOwnedEntryCount();
    }

    private static String worker(int n) {
        return String.format("WK%032d", n);
    }

    private static long usedHeapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            MEMORY.gc();
            least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
