package nl.noodrem.processes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.noodrem.processes", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule processes_use_only_the_camel_api_of_camel_routes = noClasses()
      .that().resideInAPackage("nl.noodrem.processes..")
      .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
          "are in nl.noodrem.camel outside nl.noodrem.camel.api",
          c -> c.getPackageName().startsWith("nl.noodrem.camel") && !c.getPackageName().equals("nl.noodrem.camel.api")))
      .because("processes talk to Camel through named ports, never through route internals (ARCHITECTURE.md)");

  @ArchTest
  static final ArchRule processes_do_not_depend_on_camel_itself = noClasses()
      .that().resideInAPackage("nl.noodrem.processes..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..");

  @ArchTest
  static final ArchRule delegates_do_not_touch_sql_or_jms = noClasses()
      .that().resideInAPackage("nl.noodrem.processes.delegate..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.jms..", "javax.jms..",
          "org.springframework.jdbc..", "org.springframework.jms..")
      .because("delegates are thin: they map variables and call plain services");

  @ArchTest
  static final ArchRule services_and_ports_do_not_depend_on_delegates = noClasses()
      .that().resideInAnyPackage("nl.noodrem.processes.service..", "nl.noodrem.processes.port..")
      .should().dependOnClassesThat().resideInAPackage("nl.noodrem.processes.delegate..");

  @ArchTest
  static final ArchRule ports_are_free_of_camunda_and_spring = noClasses()
      .that().resideInAPackage("nl.noodrem.processes.port..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework..")
      .because("the lead's adapters implement them without knowing the engine");

  @ArchTest
  static final ArchRule step_services_are_free_of_camunda = noClasses()
      .that().haveSimpleNameEndingWith("Steps")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..");

  @ArchTest
  static final ArchRule only_engine_plugins_and_the_actor_use_engine_internals = noClasses()
      .that().doNotHaveFullyQualifiedName("nl.noodrem.processes.config.HistoryTimeToLivePlugin")
      .and().doNotHaveFullyQualifiedName("nl.noodrem.processes.config.HistoryTimeToLivePlugin$1")
      .and().doNotHaveFullyQualifiedName("nl.noodrem.processes.config.HistoryTimeToLivePlugin$DecisionTtl")
      .and().resideOutsideOfPackage("nl.noodrem.processes.guard..")
      .and().doNotHaveFullyQualifiedName("nl.noodrem.processes.delegate.Actors")
      .and().doNotHaveFullyQualifiedName("nl.noodrem.processes.config.BrakeEndedPlugin")
      .and().doNotHaveFullyQualifiedName("nl.noodrem.processes.config.BrakeEndedPlugin$1")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..",
          "org.camunda.bpm.dmn.engine.impl..")
      .because("engine internals make a move to Operaton harder (ADR 0002); engine plugins (history TTL, the task"
          + " guard) cannot avoid them, nor can reading the logged-in user (Authentication is in impl)");

  @ArchTest
  static final ArchRule delegates_are_named_for_what_they_are = classes()
      .that().resideInAPackage("nl.noodrem.processes.delegate..").and().arePublic()
      .should().haveSimpleNameEndingWith("Delegate").orShould().haveSimpleNameEndingWith("Listener");
}
