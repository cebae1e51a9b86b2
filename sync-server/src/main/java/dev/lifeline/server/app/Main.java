package dev.lifeline.server.app;

import dev.lifeline.server.auth.HashPasswordCommand;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.server.webhooks.WebhookRoutes;
import java.io.Console;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lifeline-server [run|provision|hash-password|--version|--help]}. Configuration comes from the environment and the
 * file named by {@code LIFELINE_CONFIG}; a bad setting prints one line naming the file and key and exits 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        try {
            switch (command) {
                case "run" -> run();
                case "provision" -> provision();
                case "hash-password" -> hashPassword(Arrays.asList(args).subList(1, args.length));
                case "--version", "version" -> System.out.println("lifeline-server " + Version.current());
                case "--help", "-h", "help" -> System.out.println(usage());
                default -> fail("unknown command '" + command + "'. " + usage());
            }
        } catch (ConfigException e) {
            fail(e.getMessage());
        }
    }

    private static void run() {
        ServerConfig config = ServerConfig.load(System.getenv());
        LifelineServer server = LifelineServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lifeline-shutdown"));
        System.out.println("lifeline-server " + Version.current() + " listening on " + server.publicBaseUrl()
                + (server.emulatorUrl() != null ? " (sim mode; emulator on " + server.emulatorUrl() + ")" : ""));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Twilio mode: create the SIP Domain and agents' credentials, queues, workflows and Event Streams sink, idempotently. */
    private static void provision() {
        ServerConfig config = ServerConfig.load(System.getenv());
        if (config.mode() != ServerConfig.Mode.TWILIO) {
            fail("provision needs a Twilio account: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and LIFELINE_PUBLIC_BASE_URL");
            return;
        }
        ProvisionedWorkspace workspace = Provisioning.run(config, TwilioConnection.open(config), config.publicBaseUrl(),
                UserDirectory.load(config.auth().usersFile()), new SipPasswords(
                        config.auth().tokenSecret().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        System.out.println("workspace          " + workspace.workspaceSid());
        System.out.println("voice workflow     " + workspace.voiceWorkflowSid() + "  (set TWILIO_VOICE_WORKFLOW_SID)");
        System.out.println("ping workflow      " + workspace.pingWorkflowSid() + "  (set TWILIO_PING_WORKFLOW_SID)");
        System.out.println("event streams sink " + workspace.sinkSid());
        System.out.println("SIP domain         " + config.sip().domainName() + "  (one credential per agent of the users file)");
        System.out.println("conference webhook " + config.publicBaseUrl() + WebhookRoutes.CONFERENCE_PATH);
    }

    /** Prints a users-file hash (or line); the password is read from the terminal without echo, or from stdin. */
    private static void hashPassword(List<String> args) {
        Console console = System.console();
        System.out.println(HashPasswordCommand.run(args, console != null ? HashPasswordCommand.console(console)
                : HashPasswordCommand.firstLineOf(System.in), new PasswordHasher()));
    }

    private static String usage() {
        return "Usage: lifeline-server [run|provision|--version|--help] | lifeline-server " + HashPasswordCommand.USAGE;
    }

    private static void fail(String message) {
        System.err.println("lifeline-server: " + message);
        System.exit(2);
    }
}
