package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtypecalls.AuthCallsCredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import com.twilio.rest.events.v1.Sink;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.config.ConfigSource;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code provision} and {@code rotate-sip-password} commands against twilio-sim through the real twilio-java SDK over
 * HTTP, as an operator runs them on an account (issue 13 item 1). Only how the command reaches the account differs:
 * the connection is handed in instead of opened from the configuration.
 */
class ProvisionCommandTest {

    private static final String DOMAIN = "lifeline.sip.twilio.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TwilioSim sim;
    private LifelineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aDryRunOnAnEmptyAccountSaysWhatItWouldCreateAndChangesNothing() throws Exception {
        TwilioConnection account = emptyAccount();

        String out = provision(account, "--dry-run");

        assertThat(out).contains("create   SIP domain '" + DOMAIN + "'", "create   SIP credential 'alice'",
                "create   SIP credential 'bob'", "create   workflow 'Voice'", "create   worker 'alice'",
                "create   Event Streams sink 'https://lifeline.example.com/webhooks/taskrouter'",
                "dry run, nothing changed");
        TwilioRestClient client = account.client();
        assertThat(all(Domain.reader().read(client))).isEmpty();
        assertThat(all(CredentialList.reader().read(client))).isEmpty();
        assertThat(all(Workspace.reader().read(client))).isEmpty();
        assertThat(all(Sink.reader().read(client))).isEmpty();
        assertThat(passwordsFile()).doesNotExist();
    }

    @Test
    void theFirstRunCreatesTheSipDomainCredentialsAndWorkersAndASecondRunChangesNothing() throws Exception {
        TwilioConnection account = emptyAccount();
        TwilioRestClient client = account.client();

        String first = provision(account);
        String second = provision(account);
        String dryRunAfter = provision(account, "--dry-run");

        assertThat(first).contains("created  SIP domain", "created  SIP credential 'alice'", "created  worker 'bob'");
        assertThat(second).contains("\n0 created, 0 changed,").doesNotContain("created  ").doesNotContain("changed  ");
        assertThat(dryRunAfter).contains("would create 0, would change 0,");
        Domain domain = all(Domain.reader().read(client)).get(0);
        assertThat(domain.getSipRegistration()).isTrue();
        String list = all(CredentialList.reader().read(client)).get(0).getSid();
        assertThat(all(AuthRegistrationsCredentialListMapping.reader(domain.getSid()).read(client))).hasSize(1);
        assertThat(all(AuthCallsCredentialListMapping.reader(domain.getSid()).read(client))).hasSize(1);
        // The supervisor's too: sam listens in on agents' calls on a softphone of his own (issue 18).
        assertThat(all(Credential.reader(list).read(client))).extracting(Credential::getUsername)
                .containsExactlyInAnyOrder("alice", "bob", "sam");
        Map<String, String> kept = keptPasswords();
        assertThat(kept.keySet()).containsExactlyInAnyOrder("alice", "bob", "sam");
        assertThat(kept.get("alice")).hasSize(24).isNotEqualTo(kept.get("bob"));
        assertThat(sim.sipDomains().registration(DOMAIN, "alice").ha1()).isEqualTo(ha1("alice", kept.get("alice")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordsFile()))).isEqualTo("rw-------");
        assertThat(first + second).doesNotContain(kept.get("alice")).doesNotContain(kept.get("bob"));
        String workspace = all(Workspace.reader().read(client)).get(0).getSid();
        Worker alice = all(Worker.reader(workspace).read(client)).stream()
                .filter(w -> w.getFriendlyName().equals("alice")).findFirst().orElseThrow();
        assertThat(JSON.readTree(alice.getAttributes()).path("contact_uri").asText()).isEqualTo("sip:alice@" + DOMAIN);
    }

    @Test
    void routingMadeByHandSurvivesAndOnlyLifelinesOwnFilterIsPutBack() throws Exception {
        TwilioConnection account = emptyAccount();
        TwilioRestClient client = account.client();
        provision(account);
        String workspace = all(Workspace.reader().read(client)).get(0).getSid();
        Workflow voice = all(Workflow.reader(workspace).read(client)).stream()
                .filter(w -> w.getFriendlyName().equals(WorkspaceProvisioner.VOICE_WORKFLOW)).findFirst().orElseThrow();
        String sales = TaskQueue.creator(workspace, "Sales").setTargetWorkers("routing.skills HAS \"sales\"").create(client)
                .getSid();
        ObjectNode configuration = (ObjectNode) JSON.readTree(voice.getConfiguration());
        ArrayNode filters = (ArrayNode) configuration.path("task_routing").path("filters");
        ((ObjectNode) filters.get(0).path("targets").get(0)).put("timeout", 5);
        filters.insert(0, JSON.createObjectNode().put("filter_friendly_name", "VIP to sales")
                .put("expression", "vip == true").set("targets", JSON.createArrayNode().add(
                        JSON.createObjectNode().put("queue", sales))));
        ((ObjectNode) configuration.path("task_routing")).putObject("default_filter").put("queue", sales);
        Workflow.updater(workspace, voice.getSid()).setConfiguration(configuration.toString()).update(client);

        String out = provision(account);

        assertThat(out).contains("changed  workflow 'Voice'", "kept     queue 'Everyone'", "kept     workflow 'Recovery Ping'");
        JsonNode routing = JSON.readTree(Workflow.fetcher(workspace, voice.getSid()).fetch(client).getConfiguration())
                .path("task_routing");
        assertThat(routing.path("filters")).extracting(f -> f.path("filter_friendly_name").asText())
                .containsExactly("Lifeline: Direct to an Agent", "VIP to sales");
        assertThat(routing.path("filters").get(0).path("targets").get(0).path("timeout").asInt()).isEqualTo(30);
        assertThat(routing.path("filters").get(1).path("targets").get(0).path("queue").asText()).isEqualTo(sales);
        assertThat(routing.path("default_filter").path("queue").asText()).isEqualTo(sales);
        assertThat(TaskQueue.fetcher(workspace, sales).fetch(client).getTargetWorkers())
                .isEqualTo("routing.skills HAS \"sales\"");
        assertThat(provision(account)).contains("\n0 created, 0 changed,");
    }

    @Test
    void numberPointsAnAccountsNumberAtTheIncomingCallWebhookOnceAndRefusesANumberTheAccountHasNot() throws Exception {
        TwilioConnection account = emptyAccount();
        String number = IncomingPhoneNumber.creator(new com.twilio.type.PhoneNumber("+15550142000")).create(account.client())
                .getSid();

        String first = provision(account, "--number", "+15550142000");
        String second = provision(account, "--number", "+15550142000");

        assertThat(first).contains("changed  phone number '+15550142000' " + number
                + ": voice URL https://lifeline.example.com/webhooks/voice/incoming");
        assertThat(second).contains("kept     phone number '+15550142000'").contains("\n0 created, 0 changed,");
        IncomingPhoneNumber pointed = IncomingPhoneNumber.fetcher(number).fetch(account.client());
        assertThat(pointed.getVoiceUrl()).hasToString("https://lifeline.example.com/webhooks/voice/incoming");
        assertThat(pointed.getVoiceMethod()).isEqualTo(com.twilio.http.HttpMethod.POST);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provision(account, "--number", "+15550999999"))
                .isInstanceOf(dev.lifeline.server.config.ConfigException.class)
                .hasMessageContaining("+15550999999 is not a phone number of this account");
    }

    @Test
    void badArgumentsAndARotationBeforeProvisioningAreOneLineEach() throws Exception {
        TwilioConnection account = emptyAccount();
        ServerConfig config = twilioModeConfig();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provision(account, "--force"))
                .isInstanceOf(dev.lifeline.server.config.ConfigException.class).hasMessageContaining("usage: provision");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provision(account, "--number", "5550142000"))
                .isInstanceOf(dev.lifeline.server.config.ConfigException.class).hasMessageContaining("E.164");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(out -> ProvisionCommand.rotateSipPassword(
                        List.of("alice"), config, account, out)))
                .isInstanceOf(dev.lifeline.server.config.ConfigException.class)
                .hasMessageContaining("run 'lifeline-server provision' first");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(out -> ProvisionCommand.rotateSipPassword(
                        List.of("sam"), config, account, out)))
                .isInstanceOf(dev.lifeline.server.config.ConfigException.class).hasMessageContaining("is not an agent");
        assertThat(passwordsFile()).doesNotExist();
    }

    @Test
    void rotatingAPasswordChangesTheCredentialAtTheEmulatorAndTheAccountTheServerHandsOut() throws Exception {
        Path users = usersFile();
        server = SimModeServers.start("rotate", Map.of("LIFELINE_AUTH_USERS_FILE", users.toString(),
                "LIFELINE_SIP_PASSWORDS_FILE", passwordsFile().toString()));
        sim = null;
        String token = signIn("alice", "alice-password-1");
        String before = softphonePassword(token);
        assertThat(before).isEqualTo(keptPasswords().get("alice"));
        assertThat(server.sim().sipDomains().registration(DOMAIN, "alice").ha1()).isEqualTo(ha1("alice", before));
        TwilioConnection account = new TwilioConnection(emulatorClient(server.sim()), server.sim().accountSid(),
                server.sim().authToken(), null, null);

        ServerConfig config = twilioModeConfig();
        String out = run(printer -> ProvisionCommand.rotateSipPassword(List.of("alice"), config, account, printer));

        String after = keptPasswords().get("alice");
        assertThat(after).isNotEqualTo(before);
        assertThat(out).contains("changed  SIP credential 'alice'").doesNotContain(after).doesNotContain(before);
        assertThat(server.sim().sipDomains().registration(DOMAIN, "alice").ha1()).isEqualTo(ha1("alice", after));
        assertThat(softphonePassword(token)).isEqualTo(after);
    }

    private TwilioConnection emptyAccount() throws Exception {
        usersFile();
        sim = TwilioSim.builder().port(0).start();
        return new TwilioConnection(emulatorClient(sim), sim.accountSid(), sim.authToken(), null, null);
    }

    private static TwilioRestClient emulatorClient(TwilioSim emulator) {
        return new TwilioRestClient.Builder(emulator.accountSid(), emulator.authToken())
                .httpClient(new EmulatorHttpClient(emulator.baseUrl())).build();
    }

    private String provision(TwilioConnection account, String... args) throws Exception {
        ServerConfig config = twilioModeConfig();
        return run(out -> ProvisionCommand.provision(List.of(args), config, account, out));
    }

    private static String run(java.util.function.Consumer<PrintStream> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ServerConfig twilioModeConfig() throws Exception {
        return ServerConfig.from(ConfigSource.of(Map.of(
                "TWILIO_ACCOUNT_SID", TwilioSim.DEFAULT_ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioSim.DEFAULT_AUTH_TOKEN,
                "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com",
                "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc",
                "LIFELINE_AUTH_USERS_FILE", usersFile().toString()), null));
    }

    private Path usersFile() throws Exception {
        Path users = dir.resolve("users");
        if (!Files.exists(users)) {
            PasswordHasher hasher = new PasswordHasher();
            Files.writeString(users, "alice:agent:Alice Agent:" + hasher.hash("alice-password-1".toCharArray()) + "\n"
                    + "bob:agent:Bob Agent:" + hasher.hash("bob-password-1".toCharArray()) + "\n"
                    + "sam:supervisor:Sam Lead:" + hasher.hash("sam-password-1".toCharArray()) + "\n");
        }
        return users;
    }

    /** Where twilio mode keeps the passwords without {@code sip.passwords-file}: next to the users file. */
    private Path passwordsFile() {
        return dir.resolve("sip-passwords");
    }

    private Map<String, String> keptPasswords() throws Exception {
        Map<String, String> kept = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(passwordsFile())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                kept.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
        }
        return kept;
    }

    private String signIn(String user, String password) throws Exception {
        var response = SimModeServers.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                URI.create(server.publicBaseUrl() + DesktopApi.LOGIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.shared().encode(new LoginRequest(user, password))))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asText();
    }

    private String softphonePassword(String token) throws Exception {
        var response = SimModeServers.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                URI.create(server.publicBaseUrl() + DesktopApi.MY_SOFTPHONE))
                .header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("password").asText();
    }

    private static String ha1(String user, String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((user + ":sip.twilio.com:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> List<T> all(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }
}
