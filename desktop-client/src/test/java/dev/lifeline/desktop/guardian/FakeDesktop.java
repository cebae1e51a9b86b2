package dev.lifeline.desktop.guardian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the desktop in its own JVM, so the guardian's tests use real processes, real signals and a real
 * out-of-memory exit without a window. Arguments: a directory and a mode. It writes {@code <pid>.started} holding
 * the restart reason the guardian gave it, then: {@code wait} until {@code <pid>.exit} names its exit code,
 * {@code exit:N} exits N at once, {@code oom} fills the heap.
 */
public final class FakeDesktop {

    private FakeDesktop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        long pid = ProcessHandle.current().pid();
        String reason = System.getenv().getOrDefault(GuardianMode.RESTARTED_AFTER_ENV, "");
        Path started = dir.resolve(pid + ".started");
        Files.writeString(dir.resolve(pid + ".tmp"), reason, StandardCharsets.UTF_8);
        Files.move(dir.resolve(pid + ".tmp"), started);
        if (mode.startsWith("exit:")) {
            System.exit(Integer.parseInt(mode.substring("exit:".length())));
        } else if (mode.equals("oom")) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        } else {
            System.exit(awaitExitCode(dir, dir.resolve(pid + ".exit")));
        }
    }

    /** Watches the directory (no polling) until the exit file appears. */
    private static int awaitExitCode(Path dir, Path exitFile) throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(exitFile)) {
                var key = watcher.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return Integer.parseInt(Files.readString(exitFile, StandardCharsets.UTF_8).strip());
        }
    }
}
