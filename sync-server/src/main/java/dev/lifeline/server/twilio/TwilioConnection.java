package dev.lifeline.server.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.util.function.Function;

/**
 * The Twilio this server talks to: a real account (at Twilio, or at a Twilio-compatible endpoint named by
 * {@code twilio.base-url}), or (sim mode) a twilio-sim reached through the real SDK — embedded in this process, or one
 * the members of a cluster share ({@code twilio.base-url}). Everything after this point is
 * the same code path in every case. The rest of the server gets its gateways and its provisioner from here and never
 * holds the SDK's client itself.
 *
 * @param emulatorUrl the emulator's base URL in sim mode (its REST and {@code /sim} endpoints); null in
 *                    twilio mode
 * @param sim         the embedded emulator, or null (twilio mode, or a shared emulator elsewhere)
 */
public record TwilioConnection(TwilioRestClient client, String accountSid, String authToken, String emulatorUrl, TwilioSim sim)
        implements AutoCloseable {

    public static TwilioConnection open(ServerConfig config) {
        return open(config, null);
    }

    /**
     * As {@link #open(ServerConfig)}; an embedded emulator runs on {@code emulatorClock} (null = the system clock), so a
     * test can move the composed server's emulator through business hours and waitUrl cycles.
     */
    public static TwilioConnection open(ServerConfig config, dev.lifeline.sim.core.SimClock emulatorClock) {
        ServerConfig.TwilioSettings twilio = config.twilio();
        if (config.mode() == ServerConfig.Mode.TWILIO) {
            String sid = twilio.accountSid();
            String token = twilio.authToken().reveal();
            // twilio.base-url: a Twilio-compatible endpoint instead of Twilio's hosts (the emulator in CI, a private
            // deployment). Still twilio mode in every other respect: signatures, users file, https public URL.
            TwilioRestClient client = twilio.baseUrl() == null ? new TwilioRestClient.Builder(sid, token).build()
                    : baseUrlClient(sid, token, twilio.baseUrl());
            return new TwilioConnection(client, sid, token, null, null);
        }
        if (twilio.baseUrl() != null) {
            // Sharing one emulator is what makes several sim-mode members one cluster: each member must be able to act
            // on every call, and an emulator of its own has never heard of the others' calls.
            String sid = twilio.accountSid().isEmpty() ? TwilioSim.DEFAULT_ACCOUNT_SID : twilio.accountSid();
            String token = twilio.authToken().reveal().isEmpty() ? TwilioSim.DEFAULT_AUTH_TOKEN : twilio.authToken().reveal();
            return new TwilioConnection(baseUrlClient(sid, token, twilio.baseUrl()), sid, token, twilio.baseUrl(), null);
        }
        // Loopback whatever http.host says: the emulator accepts any call made with its fixed, public demo account.
        // Its SIP Domain and media too: every agent call travels over SIP and RTP, in sim mode as at Twilio.
        TwilioSim.Builder builder = TwilioSim.builder().host("127.0.0.1").port(0).sipPort(config.sip().emulatorPort())
                .mediaTimeout(config.sip().emulatorMediaTimeout());
        TwilioSim sim = (emulatorClock == null ? builder : builder.clock(emulatorClock)).start();
        return new TwilioConnection(baseUrlClient(sim.accountSid(), sim.authToken(), sim.baseUrl()), sim.accountSid(),
                sim.authToken(), sim.baseUrl(), sim);
    }

    private static TwilioRestClient baseUrlClient(String accountSid, String authToken, String baseUrl) {
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new EmulatorHttpClient(baseUrl)).build();
    }

    /**
     * Sim mode: the port of the emulator's SIP listener (the embedded one's, or what a shared one reports in
     * {@code /sim/state}); empty in twilio mode or when a shared emulator runs without SIP.
     */
    public java.util.OptionalInt emulatorSipPort() {
        if (sim != null) {
            return sim.sip() == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(sim.sip().port());
        }
        return isSimulated() ? EmulatorSipPort.of(emulatorUrl) : java.util.OptionalInt.empty();
    }

    public boolean isSimulated() {
        return emulatorUrl != null;
    }

    /** Programmable Voice: conferences, participants, calls. */
    public VoiceGateway voice() {
        return VoiceGateway.over(client);
    }

    /** TaskRouter in the workspace the server provisioned. */
    public TaskRouterGateway taskRouter(String workspaceSid) {
        return TaskRouterGateway.over(client, workspaceSid);
    }

    /**
     * Runs {@code provisioning} against this account. A shared emulator ({@code twilio.base-url}) that refuses it is a
     * configuration error, said in one line; an embedded one, or a real account, fails as Twilio said.
     */
    public ProvisionedWorkspace provision(Function<WorkspaceProvisioner, ProvisionedWorkspace> provisioning) {
        try {
            return provisioning.apply(new WorkspaceProvisioner(client));
        } catch (TwilioException e) {
            if (!isSimulated() || sim != null) {
                throw e;
            }
            throw new ConfigException("twilio.base-url: the emulator at " + emulatorUrl + " cannot be used: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    /** {@code "Twilio refused: <first line>"} when {@code e} is the SDK's refusal or failure, else empty. */
    public static java.util.Optional<String> refusal(RuntimeException e) {
        if (!(e instanceof TwilioException)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Twilio refused: " + String.valueOf(e.getMessage()).lines().findFirst()
                .orElse(e.getClass().getSimpleName()));
    }

    /** A shared emulator outlives this server; only an embedded one is stopped with it. */
    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    public String toString() {
        return "TwilioConnection[" + accountSid + (emulatorUrl != null ? ", emulator at " + emulatorUrl : "") + "]";
    }
}
