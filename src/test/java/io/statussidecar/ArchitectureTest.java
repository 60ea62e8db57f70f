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

    private static final java.util.List<String> ABOVE = java.util.List.of("api", "bundle", "collect", "config", "diagnosis",
            "health", "http", "logs", "logstash", "logtypes", "metrics", "notify", "security", "simulator", "store", "web");

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

    @Test
    void theGroundFloorsDependOnNothingAbove() {
        for (String floor : java.util.List.of("config", "http")) {
            String[] above = ABOVE.stream().filter(p -> !p.equals(floor)).map(p -> "io.statussidecar." + p + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.statussidecar." + floor + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("configuration and the HTTP conventions are what every capability builds on")
                    .check(PRODUCTION);
        }
    }

    @Test
    void theLogsAreServedWithoutTheStatsApi() {
        noClasses().that().resideInAPackage("io.statussidecar.logs..")
                .should().dependOnClassesThat().resideInAPackage("io.statussidecar.api..")
                .because("the gate, the JSON error and the parameters they share are in io.statussidecar.http")
                .check(PRODUCTION);
    }
}
