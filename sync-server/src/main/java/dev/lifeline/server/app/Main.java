package dev.lifeline.server.app;

import dev.lifeline.server.auth.HashPasswordCommand;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.twilio.TwilioConnection;
import java.io.Console;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lifeline-server [run|provision|rotate-sip-password|hash-password|--version|--help]}. Configuration comes from the environment and the
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
                case "provision" -> twilioCommand(args, ProvisionCommand::provision);
                case "rotate-sip-password" -> twilioCommand(args, ProvisionCommand::rotateSipPassword);
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

    private interface TwilioCommand {
        void run(List<String> args, ServerConfig config, TwilioConnection twilio, java.io.PrintStream out);
    }

    /**
     * {@code provision} (the SIP Domain and agents' credentials, queues, workflows, workers and the Event Streams sink,
     * idempotently; {@code --dry-run} only says what it would do) and {@code rotate-sip-password}: twilio mode only.
     */
    private static void twilioCommand(String[] args, TwilioCommand command) {
        ServerConfig config = ServerConfig.load(System.getenv());
        if (config.mode() != ServerConfig.Mode.TWILIO) {
            fail(args[0] + " needs a Twilio account: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and LIFELINE_PUBLIC_BASE_URL");
            return;
        }
        try (TwilioConnection twilio = TwilioConnection.open(config)) {
            command.run(Arrays.asList(args).subList(1, args.length), config, twilio, System.out);
        } catch (RuntimeException e) {
            fail(TwilioConnection.refusal(e).orElseThrow(() -> e));
        }
    }

    /** Prints a users-file hash (or line); the password is read from the terminal without echo, or from stdin. */
    private static void hashPassword(List<String> args) {
        Console console = System.console();
        System.out.println(HashPasswordCommand.run(args, console != null ? HashPasswordCommand.console(console)
                : HashPasswordCommand.firstLineOf(System.in), new PasswordHasher()));
    }

    private static String usage() {
        return "Usage: lifeline-server [run|--version|--help] | lifeline-server " + ProvisionCommand.PROVISION_USAGE
                + " | lifeline-server " + ProvisionCommand.ROTATE_USAGE + " | lifeline-server " + HashPasswordCommand.USAGE;
    }

    private static void fail(String message) {
        System.err.println("lifeline-server: " + message);
        System.exit(2);
    }
}
