package dev.lifeline.server.app;

import com.twilio.http.TwilioRestClient;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;

/**
 * The Twilio this server talks to: a real account, or (sim mode) an embedded twilio-sim reached through the
 * real SDK. Everything after this point is the same code path in both modes.
 */
record TwilioConnection(TwilioRestClient client, String accountSid, String authToken, TwilioSim sim) implements AutoCloseable {

    static TwilioConnection open(ServerConfig config) {
        if (config.mode() == ServerConfig.Mode.TWILIO) {
            String sid = config.twilio().accountSid();
            String token = config.twilio().authToken().reveal();
            return new TwilioConnection(new TwilioRestClient.Builder(sid, token).build(), sid, token, null);
        }
        // Loopback whatever http.host says: the emulator accepts any call made with its fixed, public demo account.
        TwilioSim sim = TwilioSim.builder().host("127.0.0.1").port(0).start();
        TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
        return new TwilioConnection(client, sim.accountSid(), sim.authToken(), sim);
    }

    boolean isSimulated() {
        return sim != null;
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    public String toString() {
        return "TwilioConnection[" + accountSid + (sim != null ? ", simulated at " + sim.baseUrl() : "") + "]";
    }
}
