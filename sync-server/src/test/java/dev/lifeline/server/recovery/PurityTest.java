package dev.lifeline.server.recovery;

import dev.lifeline.server.conference.ConferenceStateMachine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery and conference state machines are pure: no I/O library, no network, no clock, no randomness.
 * That is what lets a Hazelcast EntryProcessor run them on primary and backup alike, and what lets the tests
 * here exercise them exhaustively. Checked on the compiled classes' constant pools.
 */
class PurityTest {

    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "com/hazelcast/", "io/javalin/", "com/twilio/", "java/net/", "java/nio/file/", "okhttp3/", "org/slf4j/");

    private static final List<String> FORBIDDEN_CALLS = List.of(
            "java/time/Instant.now", "java/time/LocalDateTime.now", "java/time/ZonedDateTime.now",
            "java/time/Clock.", "java/lang/System.currentTimeMillis", "java/lang/System.nanoTime",
            "java/util/UUID.randomUUID", "java/util/Random.", "java/lang/Math.random", "java/lang/Thread.sleep");

    @Test
    void stateMachinesImportNoHazelcastJavalinTwilioOrNetworking() {
        Map<Path, ConstantPool> classes = pureClasses();

        assertThat(classes).isNotEmpty();
        classes.forEach((file, pool) -> assertThat(pool.strings())
                .as(file.toString())
                .noneMatch(name -> FORBIDDEN_PACKAGES.stream().anyMatch(name::contains)));
    }

    @Test
    void stateMachinesNeitherReadTheClockNorDrawRandomNumbers() {
        pureClasses().forEach((file, pool) -> assertThat(pool.methodRefs())
                .as(file.toString())
                .noneMatch(ref -> FORBIDDEN_CALLS.stream().anyMatch(ref::startsWith)));
    }

    @Test
    void recoveryDoesNotDependOnTheConferencePackage() {
        // One direction only: conference detection produces recovery events, never the other way round.
        Map<Path, ConstantPool> recovery = classesIn(RecoveryStateMachine.class);

        recovery.forEach((file, pool) -> assertThat(pool.strings())
                .as(file.toString())
                .noneMatch(name -> name.contains("dev/lifeline/server/conference/")));
    }

    @Test
    void theCheckRecognisesAForbiddenReference() throws IOException {
        // Guards the guard: this test class itself calls Files, which lives in java/nio/file.
        ConstantPool own = ConstantPool.read(Files.readAllBytes(classFile(PurityTest.class)));

        assertThat(own.methodRefs()).anyMatch(ref -> ref.startsWith("java/nio/file/Files."));
    }

    private static Map<Path, ConstantPool> pureClasses() {
        Map<Path, ConstantPool> all = new java.util.HashMap<>(classesIn(RecoveryStateMachine.class));
        all.putAll(classesIn(ConferenceStateMachine.class));
        return all;
    }

    private static Map<Path, ConstantPool> classesIn(Class<?> member) {
        Path directory = classFile(member).getParent();
        try (Stream<Path> files = Files.list(directory)) {
            Map<Path, ConstantPool> pools = new java.util.HashMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                pools.put(file.getFileName(), ConstantPool.read(Files.readAllBytes(file)));
            }
            return pools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classFile(Class<?> type) {
        try {
            return Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
