package dev.lifeline.server.desktop;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * When the cluster first heard of each conference (Twilio's callbacks carry no start time we keep): the first
 * member to record it wins, and the value never changes after that. So each member remembers what it has read
 * and asks the cluster once per conference, not on every callback (a map round trip per webhook before).
 */
final class ConferenceStarts {

    static final String MAP = "desktop-conference-started";
    private static final long RECORD_TTL_HOURS = 24;
    /** Far more conferences than one member sees live; past it the memo starts again (it is only a memo). */
    private static final int REMEMBERED = 20_000;

    private final IMap<String, Instant> starts;
    private final Map<String, Instant> known = new ConcurrentHashMap<>();

    ConferenceStarts(HazelcastInstance hazelcast) {
        this.starts = hazelcast.getMap(MAP);
    }

    /** The conference's start, recording {@code now} if nobody has recorded one yet. */
    Instant startOrRecord(String conferenceSid, Instant now) {
        Instant started = known.get(conferenceSid);
        if (started != null) {
            return started;
        }
        Instant earlier = starts.putIfAbsent(conferenceSid, now, RECORD_TTL_HOURS, TimeUnit.HOURS);
        started = earlier != null ? earlier : now;
        remember(conferenceSid, started);
        return started;
    }

    /**
     * Records {@code now} as the start if nobody has, without waiting: for a change no desktop is told of (a
     * customer alone in the queue's conference), so a desktop told later still shows the call's whole length.
     */
    void record(String conferenceSid, Instant now) {
        if (known.containsKey(conferenceSid)) {
            return;
        }
        starts.submitToKey(conferenceSid, new RecordIfAbsent(now))
                .thenAccept(earlier -> remember(conferenceSid, earlier != null ? earlier : now));
    }

    /** The recorded start, or {@code orElse} for a conference nobody has recorded. */
    Instant startOr(String conferenceSid, Instant orElse) {
        Instant started = known.get(conferenceSid);
        if (started == null) {
            started = starts.get(conferenceSid);
            if (started == null) {
                return orElse;
            }
            remember(conferenceSid, started);
        }
        return started;
    }

    private void remember(String conferenceSid, Instant started) {
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.put(conferenceSid, started);
    }

    /** {@code putIfAbsent} with the record's expiry, as a processor: the map offers no asynchronous put-if-absent. */
    record RecordIfAbsent(Instant now) implements EntryProcessor<String, Instant, Instant> {
        @Override
        public Instant process(Map.Entry<String, Instant> entry) {
            Instant earlier = entry.getValue();
            if (earlier == null) {
                ((ExtendedMapEntry<String, Instant>) entry).setValue(now, RECORD_TTL_HOURS, TimeUnit.HOURS);
            }
            return earlier;
        }
    }
}
