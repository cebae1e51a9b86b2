package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legs a desktop process holds, and what its successor takes from a dead one (issue 14). */
class HeldLegsTest {

    private static final long DEAD = 101;
    private static final long RUNNING = 202;
    private static final long ME = 303;

    @TempDir
    Path folder;

    private HeldLegs process(String identity, long pid) {
        return new HeldLegs(folder, identity, pid, Set.of(RUNNING, ME)::contains);
    }

    @Test
    void aLegIsWrittenDownWhileItIsHeldAndForgottenWhenItEnds() throws IOException {
        HeldLegs legs = process("alice", ME);

        legs.answered("CA1");
        assertThat(Files.readAllLines(folder.resolve("held-legs-alice.303.txt"))).containsExactly("CA1");

        legs.ended("CA1");
        assertThat(folder.resolve("held-legs-alice.303.txt")).doesNotExist();
    }

    @Test
    void theSuccessorTakesOnlyWhatADeadProcessOfTheSameAgentLeft() {
        process("alice", DEAD).answered("CAdead");
        process("alice", RUNNING).answered("CAstillHeld");
        process("bob", DEAD).answered("CAbobs");

        HeldLegs successor = process("alice", ME);

        assertThat(successor.takeLeftovers()).containsExactly("CAdead");
        assertThat(folder.resolve("held-legs-alice.101.txt")).as("handed over once").doesNotExist();
        assertThat(folder.resolve("held-legs-alice.202.txt")).as("a running desktop keeps its legs").exists();
        assertThat(folder.resolve("held-legs-bob.101.txt")).as("another agent's").exists();
        assertThat(successor.takeLeftovers()).isEmpty();
    }

    @Test
    void aProcessNeverTakesItsOwnLegsNorAStrangeFile() throws IOException {
        HeldLegs me = process("alice", ME);
        me.answered("CAmine");
        Files.writeString(folder.resolve("held-legs-alice.notapid.txt"), "CAstrange\n");
        Files.writeString(folder.resolve("held-legs-alice.b.101.txt"), "CAotherUser\n");

        assertThat(me.takeLeftovers()).isEmpty();
        assertThat(folder.resolve("held-legs-alice.303.txt")).exists();
    }

    @Test
    void noFolderYetMeansNothingLeftOver() {
        assertThat(new HeldLegs(folder.resolve("absent"), "alice", ME, pid -> false).takeLeftovers()).isEmpty();
    }
}
