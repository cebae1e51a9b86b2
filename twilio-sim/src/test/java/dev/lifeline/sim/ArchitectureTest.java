package dev.lifeline.sim;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.lifeline.othermodule.Lifeline;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * twilio-sim emulates Twilio, not Lifeline: it depends on none of Lifeline's own modules (not even shared-model), so
 * the server cannot pass its tests by agreeing with a copy of itself. Checked on the compiled production classes,
 * found from a known one (a build with {@code -Dbuild.dir} has no {@code target/test-classes} path to tell them apart).
 */
class ArchitectureTest {

    private static final JavaClasses EMULATOR = importEmulator();

    @Test
    void theEmulatorDependsOnNoOtherLifelineModule() {
        independence().check(EMULATOR);
    }

    @Test
    void theRuleRecognisesADependencyOnLifelinesOwnCode() {
        // Guards the guard: a class of the emulator's package that uses a Lifeline class from elsewhere is reported.
        JavaClasses offender = new ClassFileImporter().importClasses(UsesLifelineCode.class, Lifeline.class);

        assertThat(independence().evaluate(offender).hasViolation()).isTrue();
    }

    private static ArchRule independence() {
        return noClasses().that().resideInAPackage("dev.lifeline.sim..")
                .should().dependOnClassesThat(resideInAPackage("dev.lifeline..")
                        .and(not(resideInAPackage("dev.lifeline.sim.."))).as("are Lifeline's own, outside dev.lifeline.sim"));
    }

    /** What the emulator must never look like. */
    static final class UsesLifelineCode {
        String phase() {
            return Lifeline.PHASE;
        }
    }

    private static JavaClasses importEmulator() {
        try {
            Path output = Path.of(TwilioSim.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().importPath(output);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the compiled emulator classes", e);
        }
    }
}
