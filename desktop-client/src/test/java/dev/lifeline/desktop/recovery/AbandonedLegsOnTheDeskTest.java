package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.model.command.LegAbandoned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 on the real desk (JavaFX, headless): the desktop that starts after a crash names the leg its dead
 * predecessor held, at once, so the server ends it as a drop; the legs it answers itself are written down while they
 * last, for its own successor.
 */
class AbandonedLegsOnTheDeskTest extends DesktopUiTest {

    private final Path folder = temporaryFolder();
    private final long deadPid = deadProcessId();

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        try {
            Files.writeString(folder.resolve("held-legs-alice." + deadPid + ".txt"), "CAdeadProcessLeg\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config.withConfigDirectory(folder);
    }

    @Test
    void theDeskNamesTheLegItsDeadPredecessorHeldAndWritesDownItsOwn() {
        Await.until("the desk named the dead process's leg", () -> server.commands(LegAbandoned.class)
                .contains(new LegAbandoned("CAdeadProcessLeg")));
        assertThat(folder.resolve("held-legs-alice." + deadPid + ".txt")).as("handed over once").doesNotExist();
        awaitDesk();

        softphone.ring("CAmine");
        Await.until("the ring is answered", () -> log.contains("softphone:answer CAmine"));
        Path mine = folder.resolve("held-legs-alice." + ProcessHandle.current().pid() + ".txt");
        assertThat(readOrEmpty(mine)).as("written down before the answer left").contains("CAmine");
        softphone.connect("CAmine");

        softphone.endCall("CAmine");
        Await.until("the ended leg is forgotten", Duration.ofSeconds(10), () -> !Files.exists(mine));
        assertThat(server.commands(LegAbandoned.class)).as("named once, and never the desk's own leg").hasSize(1);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("lifeline-held-legs");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a process that ran and ended: what a killed desktop leaves in its file's name. */
    private static long deadProcessId() {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
