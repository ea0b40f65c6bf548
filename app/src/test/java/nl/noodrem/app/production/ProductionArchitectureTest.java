package nl.noodrem.app.production;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The local cluster's stand-in launchers are tools around the app, never part of it. */
@AnalyzeClasses(packages = "nl.noodrem.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ProductionArchitectureTest {

  @ArchTest
  static final ArchRule app_never_uses_the_devonly_cluster_tools = noClasses()
      .that().resideOutsideOfPackage("nl.noodrem.app.production.devonly..")
      .should().dependOnClassesThat().resideInAPackage("nl.noodrem.app.production.devonly..");

  @ArchTest
  static final ArchRule devonly_cluster_tools_are_no_spring_components = noClasses()
      .that().resideInAPackage("nl.noodrem.app.production.devonly..")
      .should().beAnnotatedWith(org.springframework.stereotype.Component.class)
      .orShould().beMetaAnnotatedWith(org.springframework.stereotype.Component.class)
      .because("the app's component scan covers this package");
}
