package dev.lifeline.sim.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.sim.webhook.WebhookDispatcher;

/**
 * What every part of the emulator shares: the account it impersonates, its clock, the callback
 * dispatcher and the world lock.
 *
 * <p>All emulated state (calls, conferences, workers, tasks…) is read and changed while holding
 * {@link #world}. One lock for the whole world keeps cross-resource rules (a conference instruction
 * touches a reservation, a task, a worker and two calls at once) obviously atomic; the emulator serves
 * hundreds of conferences, not millions. Never make an outbound HTTP call while holding it: hand
 * callbacks to {@link #webhooks}, which sends them on its own threads.
 */
public final class SimContext {

    public final String accountSid;
    public final String authToken;
    public final SimClock clock;
    public final WebhookDispatcher webhooks;
    public final ObjectMapper json;
    public final Object world = new Object();

    public SimContext(String accountSid, String authToken, SimClock clock, WebhookDispatcher webhooks, ObjectMapper json) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.clock = clock;
        this.webhooks = webhooks;
        this.json = json;
    }
}
