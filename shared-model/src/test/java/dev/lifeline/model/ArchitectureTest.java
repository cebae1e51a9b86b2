package dev.lifeline.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The shared model is the one thing both the server and the desktop load, so it must not drag either side's
 * frameworks into the other: Jackson and the JDK only.
 */
class ArchitectureTest {

    private final JavaClasses model = MainClasses.imported();

    @Test
    void theModelDependsOnNoUiServerClusterHttpOrTwilioLibrary() {
        noClasses().that().resideInAPackage("dev.lifeline.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "com.hazelcast..", "io.javalin..", "okhttp3..", "com.twilio..")
                .check(model);
    }

    @Test
    void theModelDependsOnNothingButTheJdkJacksonAndItself() {
        classes().that().resideInAPackage("dev.lifeline.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.fasterxml.jackson..", "dev.lifeline.model..")
                .check(model);
    }

    @Test
    void theModelDoesNotDependOnOtherLifelineModules() {
        noClasses().that().resideInAPackage("dev.lifeline.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lifeline.server..", "dev.lifeline.desktop..", "dev.lifeline.sim..")
                .check(model);
    }
}
