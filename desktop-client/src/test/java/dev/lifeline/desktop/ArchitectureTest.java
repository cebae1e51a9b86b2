package dev.lifeline.desktop;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The desktop's layering: packages by feature without cycles, the helpers every feature uses in a low {@code ui/},
 * {@code app/} only the composition root, the network layer knows no UI, view models touch no controls, nothing uses
 * the emulator.
 */
class ArchitectureTest {

    private static final JavaClasses DESKTOP = new ClassFileImporter()
            // Not Predefined.DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds here use -Dbuild.dir.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.lifeline.desktop");

    @Test
    void theDesktopsPackagesAreFreeOfCycles() {
        slices().matching("dev.lifeline.desktop.(*)..").should().beFreeOfCycles().check(DESKTOP);
    }

    /** Every feature imports ui/; if ui/ imported a feature, the two would be one knot again. */
    @Test
    void theUiHelpersImportNoOtherDesktopPackage() {
        classes().that().resideInAPackage("dev.lifeline.desktop.ui..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.lifeline.desktop..")
                        .or(resideInAPackage("dev.lifeline.desktop.ui..")))
                .check(DESKTOP);
    }

    /** app/ is the composition root: it imports every feature, so nothing may import it (the launcher path lives in it). */
    @Test
    void nothingOutsideTheCompositionRootImportsIt() {
        noClasses().that().resideOutsideOfPackage("dev.lifeline.desktop.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.lifeline.desktop.app..")
                .check(DESKTOP);
    }

    @Test
    void theConnectionLayerAndTheSoftphoneKnowNoJavaFx() {
        noClasses().that().resideInAnyPackage("..desktop.connection..", "..desktop.softphone..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(DESKTOP);
    }

    @Test
    void mediaSdpAndAudioKnowNothingOfSip() {
        noClasses().that().resideInAnyPackage("..softphone.media..", "..softphone.sdp..", "..softphone.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..", "..softphone.sip..")
                .check(DESKTOP);
    }

    @Test
    void theSoftphonePackagesHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.lifeline.desktop.softphone.(*)..").should().beFreeOfCycles().check(DESKTOP);
    }

    @Test
    void viewModelsTouchNoNodesOrWindows() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(DESKTOP);
    }

    @Test
    void theDesktopDoesNotDependOnTheEmulator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.lifeline.sim..").check(DESKTOP);
    }

    @Test
    void onlyTheFxGatewayHopsOntoTheFxThread() {
        noClasses().that().doNotHaveSimpleName("FxThread")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(DESKTOP);
    }
}
