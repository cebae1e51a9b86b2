package dev.lifeline.sim.sip;

import dev.lifeline.sim.core.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The location service: bindings per address of record ({@code user@domain}), each expiring on its own.
 *
 * <p>Expiry runs on the {@link SimClock}, not on wall time: the registrar is part of the emulated Twilio, whose
 * every other timer (ring timeouts, TTLs, reservation timeouts) runs on that clock, so a test with a
 * {@code ManualClock} can move past a binding's expiry and see "nobody registered" (32009) without waiting ten
 * minutes; with the default system clock it is plain wall time. Thread-safe.
 */
final class Bindings {

    private final SimClock clock;
    private final Map<String, Map<String, Binding>> byAor = new LinkedHashMap<>();

    Bindings(SimClock clock) {
        this.clock = clock;
    }

    /** Adds or refreshes the binding of {@code contact}; {@code expires} zero removes it. */
    synchronized void bind(String domainName, String user, String contact, String transport, String callId,
                           Duration expires) {
        String aor = aor(domainName, user);
        Map<String, Binding> contacts = byAor.computeIfAbsent(aor, k -> new LinkedHashMap<>());
        Binding previous = contacts.remove(contact);
        if (previous != null) {
            previous.expiry().cancel();
        }
        if (expires.isZero()) {
            dropIfEmpty(aor);
            return;
        }
        SimClock.Timer timer = clock.schedule(expires, () -> expire(aor, contact, callId));
        contacts.put(contact, new Binding(domainName, user, contact, transport, callId, clock.now().plus(expires), timer));
    }

    java.time.Instant now() {
        return clock.now();
    }

    /** {@code Contact: *} with {@code Expires: 0}: every binding of the AOR goes. */
    synchronized void unbindAll(String domainName, String user) {
        Map<String, Binding> contacts = byAor.remove(aor(domainName, user));
        if (contacts != null) {
            contacts.values().forEach(b -> b.expiry().cancel());
        }
    }

    synchronized List<Binding> current(String domainName, String user) {
        Map<String, Binding> contacts = byAor.get(aor(domainName, user));
        return contacts == null ? List.of() : new ArrayList<>(contacts.values());
    }

    synchronized List<Binding> all() {
        List<Binding> all = new ArrayList<>();
        byAor.values().forEach(c -> all.addAll(c.values()));
        return all;
    }

    private synchronized void expire(String aor, String contact, String callId) {
        Map<String, Binding> contacts = byAor.get(aor);
        Binding binding = contacts == null ? null : contacts.get(contact);
        if (binding != null && binding.callId().equals(callId) && !binding.expires().isAfter(clock.now())) {
            contacts.remove(contact);
            dropIfEmpty(aor);
        }
    }

    private void dropIfEmpty(String aor) {
        Map<String, Binding> contacts = byAor.get(aor);
        if (contacts != null && contacts.isEmpty()) {
            byAor.remove(aor);
        }
    }

    private static String aor(String domainName, String user) {
        return user + "@" + domainName.toLowerCase(Locale.ROOT);
    }
}
