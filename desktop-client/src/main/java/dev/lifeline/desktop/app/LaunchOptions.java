package dev.lifeline.desktop.app;

import dev.lifeline.desktop.connection.ServerAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command line: {@code --server URL --user NAME} (sign in by itself) with the password from the environment
 * ({@code LIFELINE_PASSWORD}) or the first line of a file ({@code --password-file PATH}), both out of sight of
 * {@code ps}; {@code --password PW} still works for old scripts but warns, since every user of the machine can read
 * a command line. Then the phone's machine side ({@link PhoneSetup}): {@code --audio none|tone:HZ|FILE.wav} and
 * {@code --audio-record FILE.wav} (no sound hardware: tests, headless machines) and {@code --phone-settings FILE}
 * (ports, local address; default {@code phone.properties} of the config folder), {@code --exit-after-first-frame} (installer smoke test), {@code --simulator} (the sim-mode Simulator window instead
 * of the login; needs {@code --server}), {@code --allow-insecure-http} (sign in over plain {@code http://} to another
 * machine, with a warning; refused by default) and {@code --version}.
 */
public record LaunchOptions(
        String server,
        String user,
        String password,
        PhoneSetup phone,
        boolean exitAfterFirstFrame,
        boolean version,
        boolean simulator,
        boolean allowInsecureHttp,
        String warning) {

    public static final String PASSWORD_ENV = "LIFELINE_PASSWORD";
    public static final String PASSWORD_WARNING = "--password is visible to every user of this machine (ps); "
            + "use LIFELINE_PASSWORD or --password-file instead";
    public static final String USAGE = "usage: lifeline-desktop [--server URL] [--user NAME] [--password-file FILE] "
            + "[--audio none|tone:HZ|FILE.wav] [--audio-record FILE.wav] [--phone-settings FILE] "
            + "[--exit-after-first-frame] [--simulator] [--allow-insecure-http] "
            + "[--version]";

    /** A command line that cannot be run; the message is the one line printed on stderr. */
    public static final class BadOption extends Exception {
        public BadOption(String message) {
            super(message, null, false, false);
        }
    }

    public static LaunchOptions parse(String[] args, Map<String, String> environment) throws BadOption {
        String server = null;
        String user = null;
        String password = null;
        String passwordFile = null;
        String warning = null;
        String audio = null;
        String audioRecord = null;
        String phoneSettings = null;
        boolean exitAfterFirstFrame = false;
        boolean version = false;
        boolean simulator = false;
        boolean allowInsecureHttp = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--server" -> server = value(args, ++i, arg);
                case "--user" -> user = value(args, ++i, arg);
                case "--password" -> {
                    password = value(args, ++i, arg);
                    warning = PASSWORD_WARNING;
                }
                case "--password-file" -> passwordFile = value(args, ++i, arg);
                case "--audio" -> audio = value(args, ++i, arg);
                case "--audio-record" -> audioRecord = value(args, ++i, arg);
                case "--phone-settings" -> phoneSettings = value(args, ++i, arg);
                case "--exit-after-first-frame" -> exitAfterFirstFrame = true;
                case "--version" -> version = true;
                case "--simulator" -> simulator = true;
                case "--allow-insecure-http" -> allowInsecureHttp = true;
                default -> throw new BadOption("unknown option \"" + arg + "\"; " + USAGE);
            }
        }
        if (password == null && passwordFile != null) {
            password = firstLineOf(passwordFile);
        }
        if (password == null) {
            String fromEnvironment = environment.get(PASSWORD_ENV);
            password = fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
        }
        PhoneSetup phone;
        try {
            phone = PhoneSetup.parse(audio, audioRecord, phoneSettings);
        } catch (IllegalArgumentException e) {
            throw new BadOption(e.getMessage());
        }
        if (password != null && (server == null || user == null)) {
            throw new BadOption("a password needs --server and --user to sign in with");
        }
        if (simulator && server == null) {
            throw new BadOption("--simulator needs --server (a Lifeline server in sim mode)");
        }
        if (simulator) {
            try {
                ServerAddress.parse(server);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--server: " + e.getMessage());
            }
        }
        return new LaunchOptions(server, user, password, phone, exitAfterFirstFrame, version, simulator,
                allowInsecureHttp, warning);
    }

    private static String firstLineOf(String file) throws BadOption {
        try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new BadOption("--password-file " + file + " is empty");
            }
            return line;
        } catch (IOException | InvalidPathException e) {
            throw new BadOption("--password-file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String value(String[] args, int index, String option) throws BadOption {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new BadOption(option + " needs a value; " + USAGE);
        }
        if (args[index].isBlank()) {
            throw new BadOption(option + " must not be blank");
        }
        return args[index];
    }

    public DesktopConfig toConfig() {
        return DesktopConfig.defaults().withServer(server, user, password)
                .withSoftphones(phone.softphones())
                .withPlainHttpAllowed(allowInsecureHttp);
    }

    @Override
    public String toString() {
        return "LaunchOptions[server=" + server + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", phone=" + phone
                + ", exitAfterFirstFrame=" + exitAfterFirstFrame + ", simulator=" + simulator
                + ", allowInsecureHttp=" + allowInsecureHttp + "]";
    }
}
