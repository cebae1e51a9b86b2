package dev.lifeline.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desktop's layering: the network layer knows no UI, view models touch no controls, nothing uses the emulator. */
@AnalyzeClasses(packages = "dev.lifeline.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule connectionLayerKnowsNoJavaFx = noClasses().that().resideInAPackage("..desktop.connection..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule softphoneKnowsNoJavaFx = noClasses().that().resideInAPackage("..desktop.softphone..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsTouchNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule theDesktopDoesNotDependOnTheEmulator = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.lifeline.sim..");

    @ArchTest
    static final ArchRule onlyTheFxGatewayCallsRunLater = noClasses().that().doNotHaveSimpleName("FxThread")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);
}
