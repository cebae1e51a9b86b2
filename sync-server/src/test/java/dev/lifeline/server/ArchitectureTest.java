package dev.lifeline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server's boundaries (STYLE.md "Boundaries worth a test"), checked on the compiled production classes: the pure
 * core does no I/O and reads no clock, the Twilio SDK stays behind twilio/ (and provision/, which is set-up), the
 * engine sees domain events only, and no two packages need each other.
 */
class ArchitectureTest {

    /** The state machines: run inside Hazelcast EntryProcessors on primary and backup alike, and tested exhaustively. */
    private static final String[] PURE_CORE = {"dev.lifeline.server.recovery..", "dev.lifeline.server.conference.."};

    private static final String[] IO = {"com.hazelcast..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
            "com.twilio..", "okhttp3..", "java.net..", "java.nio.file..", "org.slf4j..", "dev.lifeline.sim.."};

    /** Owner → methods (empty: every method) that read the clock, draw random numbers or wait. */
    private static final Map<String, Set<String>> NONDETERMINISTIC_CALLS = Map.of(
            "java.time.Instant", Set.of("now"),
            "java.time.LocalDateTime", Set.of("now"),
            "java.time.ZonedDateTime", Set.of("now"),
            "java.time.Clock", Set.of(),
            "java.lang.System", Set.of("currentTimeMillis", "nanoTime"),
            "java.util.UUID", Set.of("randomUUID"),
            "java.util.Random", Set.of(),
            "java.lang.Math", Set.of("random"),
            "java.lang.Thread", Set.of("sleep"));

    private static final DescribedPredicate<JavaCall<?>> READS_THE_CLOCK_OR_RANDOMNESS =
            new DescribedPredicate<>("read the clock, draw random numbers or sleep") {
                @Override
                public boolean test(JavaCall<?> call) {
                    Set<String> methods = NONDETERMINISTIC_CALLS.get(call.getTargetOwner().getName());
                    return methods != null && (methods.isEmpty() || methods.contains(call.getName()));
                }
            };

    private final JavaClasses server = MainClasses.imported();

    @Test
    void theStateMachinesDoNoIo() {
        pureCoreDoesNoIo().check(server);
    }

    @Test
    void theStateMachinesNeitherReadTheClockNorDrawRandomNumbers() {
        pureCoreIsDeterministic().check(server);
    }

    @Test
    void recoveryDoesNotDependOnTheConferencePackage() {
        // One direction only: conference detection produces recovery events, never the other way round.
        noClasses().that().resideInAPackage("dev.lifeline.server.recovery..")
                .should().dependOnClassesThat().resideInAPackage("dev.lifeline.server.conference..")
                .check(server);
    }

    @Test
    void theTwilioSdkIsUsedOnlyInTwilioAndProvision() {
        noClasses().that().resideOutsideOfPackages("dev.lifeline.server.twilio..", "dev.lifeline.server.provision..")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..")
                .check(server);
    }

    @Test
    void theEngineSeesDomainEventsNeverTheWebhooksWireTypes() {
        noClasses().that().resideInAPackage("dev.lifeline.server.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.lifeline.server.webhooks..")
                .check(server);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.lifeline.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void theRulesRecogniseAForbiddenReference() {
        // Guards the guards: a class doing what the pure core must not do is reported by both rules.
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheClockAndTheNetwork.class);

        assertThat(noClasses().that().belongToAnyOf(ReadsTheClockAndTheNetwork.class)
                .should().dependOnClassesThat().resideInAnyPackage(IO).evaluate(offender).hasViolation()).isTrue();
        assertThat(noClasses().that().belongToAnyOf(ReadsTheClockAndTheNetwork.class)
                .should().callCodeUnitWhere(READS_THE_CLOCK_OR_RANDOMNESS).evaluate(offender).hasViolation()).isTrue();
    }

    private static ArchRule pureCoreDoesNoIo() {
        return noClasses().that().resideInAnyPackage(PURE_CORE)
                .should().dependOnClassesThat().resideInAnyPackage(IO);
    }

    private static ArchRule pureCoreIsDeterministic() {
        return noClasses().that().resideInAnyPackage(PURE_CORE)
                .should().callCodeUnitWhere(READS_THE_CLOCK_OR_RANDOMNESS);
    }

    /** What the pure core must never look like. */
    static final class ReadsTheClockAndTheNetwork {
        URI where() {
            return URI.create("http://example.com/" + Instant.now());
        }
    }
}
