package dev.lifeline.sim.faults;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST faults switched on through the scenario API ({@code /sim/api-faults}) or in-process: a test makes one
 * Twilio call fail for good (a 404 for a call the account does not know, a 400 for a refused parameter) and watches
 * what its client does. Checked before every Voice and TaskRouter request, after authentication; the first matching
 * fault answers.
 */
public final class ApiFaults {

    private final Map<String, Entry> faults = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private static final class Entry {
        final ApiFault fault;
        int failed;

        Entry(ApiFault fault) {
            this.fault = fault;
        }
    }

    /** @return the fault's id, for {@link #remove} */
    public synchronized String add(ApiFault fault) {
        String id = "fault-" + ids.incrementAndGet();
        faults.put(id, new Entry(fault));
        return id;
    }

    public synchronized boolean remove(String id) {
        return faults.remove(id) != null;
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** Each fault with how many requests it has failed so far. */
    public synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> all = new ArrayList<>();
        faults.forEach((id, entry) -> all.add(entry.fault.describe(id, entry.failed)));
        return all;
    }

    /** A Javalin before-handler: throws the matching fault's error, which the emulator writes in Twilio's shape. */
    public void check(Context ctx) {
        synchronized (this) {
            if (faults.isEmpty()) {
                return;
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = ctx.contentType();
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        TwilioApiException refusal = match(ctx.method().name(), ctx.path(), form);
        if (refusal != null) {
            throw refusal;
        }
    }

    private synchronized TwilioApiException match(String method, String path, Map<String, String> form) {
        for (Map.Entry<String, Entry> candidate : faults.entrySet()) {
            Entry entry = candidate.getValue();
            if (entry.fault.matches(method, path, form)) {
                entry.failed++;
                if (entry.fault.times() > 0 && entry.failed >= entry.fault.times()) {
                    faults.remove(candidate.getKey());
                }
                return new TwilioApiException(entry.fault.status(), entry.fault.code(), entry.fault.message());
            }
        }
        return null;
    }
}
