package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.settings.ConfigDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call legs this desktop process holds, written down before the softphone answers until the call ends:
 * one small file per user and process in the config folder ({@code held-legs-<user>.<pid>.txt}). A process that dies
 * — crash, SIGKILL, power cut — sends no BYE and leaves its file behind; the next desktop of the same agent on this
 * computer takes the files of processes that are no longer alive at sign-in and names those legs to the server
 * ({@code leg-abandoned}), which ends them as drops at once. Without that the leg would stay connected to nobody until
 * the server's ghost-leg grace — which a desktop restarted by its guardian, heartbeating again within seconds, never
 * lets run out. A desktop of the same agent still running on this computer keeps its legs: only a dead process's
 * file is taken.
 *
 * <p>A file that cannot be read or written loses only that speed-up (the grace still ends the leg), never a call.
 */
public final class HeldLegs {

    private static final Logger log = LoggerFactory.getLogger(HeldLegs.class);
    private static final String SUFFIX = ".txt";

    private final Path directory;
    /** {@code held-legs-<user>.}: this user's files start so, the process id follows. */
    private final String prefix;
    private final long pid;
    private final LongPredicate alive;
    private final Path file;
    private final Set<String> held = new LinkedHashSet<>();

    public HeldLegs(Path configDirectory, String identity) {
        this(configDirectory, identity, ProcessHandle.current().pid(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** @param alive whether the process with this id still runs */
    HeldLegs(Path configDirectory, String identity, long pid, LongPredicate alive) {
        String perUser = ConfigDirectory.perUserFile(configDirectory, "held-legs", identity).getFileName().toString();
        this.directory = configDirectory;
        this.prefix = perUser.substring(0, perUser.length() - SUFFIX.length()) + ".";
        this.pid = pid;
        this.alive = alive;
        this.file = directory.resolve(prefix + pid + SUFFIX);
    }

    /** The legs that processes no longer alive left behind, their files removed as the legs are handed over. */
    public synchronized List<String> takeLeftovers() {
        List<String> leftovers = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return leftovers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*" + SUFFIX)) {
            for (Path candidate : files) {
                long owner = ownerOf(candidate);
                if (owner < 0 || owner == pid || alive.test(owner)) {
                    continue;
                }
                Files.readAllLines(candidate, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !leftovers.contains(line)).forEach(leftovers::add);
                Files.deleteIfExists(candidate);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not read the legs a previous desktop held (in {}): {}", directory, e.getMessage());
        }
        return leftovers;
    }

    /** The softphone answered this leg. */
    public synchronized void answered(String callSid) {
        if (held.add(callSid)) {
            write();
        }
    }

    /** The leg ended, whichever side ended it. */
    public synchronized void ended(String callSid) {
        if (held.remove(callSid)) {
            write();
        }
    }

    /** The process id in a file's name, or -1 when the name is not one of ours. */
    private long ownerOf(Path candidate) {
        String name = candidate.getFileName().toString();
        try {
            return Long.parseLong(name.substring(prefix.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private void write() {
        try {
            if (held.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(directory);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, held, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("could not write down the legs this desktop holds ({}): {}", file, e.getMessage());
        }
    }
}
