package io.statussidecar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package structure the README describes, checked on the compiled production classes: packages
 * by capability whose dependencies point one way, and a simulator that nothing in production needs
 * (the production build leaves it out, see application.properties).
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.statussidecar");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.statussidecar.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void onlyTheSimulatorUsesTheSimulator() {
        noClasses().that().resideOutsideOfPackage("io.statussidecar.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.statussidecar.simulator..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheCollectorSeesLogstashsWireTypes() {
        noClasses().that().resideOutsideOfPackages("io.statussidecar.logstash..", "io.statussidecar.collect..",
                "io.statussidecar.simulator..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("NodeStats")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("NodeInfo")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("HealthReport")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("FlowRate")
                .because("the store, the health rules and the API hold the sidecar's own types; the collector maps")
                .check(PRODUCTION);
    }

    @Test
    void theStoreAndTheRulesNeverCallLogstash() {
        noClasses().that().resideInAnyPackage("io.statussidecar.store..", "io.statussidecar.health..",
                "io.statussidecar.logtypes..", "io.statussidecar.config..")
                .should().dependOnClassesThat().resideInAPackage("io.statussidecar.logstash..")
                .because("requests are answered from the store; only hot threads and the support bundle call Logstash")
                .check(PRODUCTION);
    }
}
