package nl.noodrem.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module map of the design (docs/architecture.md, ADR 0001) over every module's main code, seen from the app,
 * whose class path holds them all: leaves know nothing of the modules above them.
 */
@AnalyzeClasses(packages = "nl.noodrem", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayersArchitectureTest {

  @ArchTest
  static final ArchRule modules_depend_only_on_the_modules_below_them = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("domain").definedBy("nl.noodrem.domain..")
      .layer("zkp-service").definedBy("nl.noodrem.zkp..")
      .layer("besu-network").definedBy("nl.noodrem.ledger..")
      .layer("digid-connector").definedBy("nl.noodrem.digid..")
      .layer("camel-routes").definedBy("nl.noodrem.camel..")
      .layer("legacy stand-ins").definedBy("nl.noodrem.standin..")
      .layer("processes").definedBy("nl.noodrem.processes..")
      .layer("app").definedBy("nl.noodrem.app..")
      .whereLayer("app").mayNotBeAccessedByAnyLayer()
      .whereLayer("processes").mayOnlyBeAccessedByLayers("app")
      .whereLayer("legacy stand-ins").mayOnlyBeAccessedByLayers("app")
      .whereLayer("camel-routes").mayOnlyBeAccessedByLayers("processes", "app")
      .whereLayer("digid-connector").mayOnlyBeAccessedByLayers("app")
      .whereLayer("besu-network").mayOnlyBeAccessedByLayers("camel-routes", "processes", "app")
      .whereLayer("zkp-service").mayOnlyBeAccessedByLayers("besu-network", "processes", "app")
      .whereLayer("domain").mayOnlyBeAccessedByLayers("zkp-service", "besu-network", "digid-connector",
          "camel-routes", "legacy stand-ins", "processes", "app");

  @ArchTest
  static final ArchRule processes_reach_camel_only_through_its_plain_api = noClasses()
      .that().resideInAPackage("nl.noodrem.processes..")
      .should().dependOnClassesThat(resideInAPackage("nl.noodrem.camel..")
          .and(resideOutsideOfPackage("nl.noodrem.camel.api..")))
      .because("processes talk to Camel through named endpoints or small interfaces, never through route internals");
}
