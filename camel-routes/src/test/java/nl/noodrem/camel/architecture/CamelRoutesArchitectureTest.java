package nl.noodrem.camel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's boundaries, as ARCHITECTURE.md draws them. */
@AnalyzeClasses(packages = "nl.noodrem.camel", importOptions = ImportOption.DoNotIncludeTests.class)
class CamelRoutesArchitectureTest {

  /** The ports are what the processes see: plain Java and domain types, no Camel, Spring or wire formats. */
  @ArchTest
  static final ArchRule api_depends_only_on_java_and_domain = classes()
      .that().resideInAPackage("nl.noodrem.camel.api..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.noodrem.domain..", "nl.noodrem.camel.api..");

  /** Stand-ins are for development and tests only; product code never reaches for them. */
  @ArchTest
  static final ArchRule product_code_does_not_depend_on_standins = noClasses()
      .should().dependOnClassesThat().resideInAPackage("nl.noodrem.standin..");

  /** Bridges meet only through the api, the shared error handling and health; only the configuration knows them all. */
  @ArchTest
  static final ArchRule bridges_do_not_depend_on_each_other = slices()
      .matching("nl.noodrem.camel.(*)..")
      .should().notDependOnEachOther()
      .ignoreDependency(resideInAPackage("nl.noodrem.camel.config.."), alwaysTrue())
      .ignoreDependency(alwaysTrue(), resideInAnyPackage("nl.noodrem.camel.api..", "nl.noodrem.camel.errors..",
          "nl.noodrem.camel.health..",
          "nl.noodrem.camel.config.."));
}
