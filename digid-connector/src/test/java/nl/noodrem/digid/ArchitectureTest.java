package nl.noodrem.digid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's layering, as sentences. */
@AnalyzeClasses(packages = "nl.noodrem.digid", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CORE = {"nl.noodrem.digid", "nl.noodrem.digid.saml..", "nl.noodrem.digid.tls..", "nl.noodrem.digid.store.."};

  @ArchTest
  static final ArchRule saml_core_does_not_depend_on_spring_web_security_or_servlets =
      noClasses().that().resideInAnyPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.springframework.web..", "org.springframework.security..", "org.springframework.boot..",
              "org.springframework.http..", "jakarta.servlet..", "javax.servlet..");

  @ArchTest
  static final ArchRule only_the_stores_use_spring_jdbc =
      noClasses().that().resideInAnyPackage("nl.noodrem.digid", "nl.noodrem.digid.saml..", "nl.noodrem.digid.tls..")
          .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

  @ArchTest
  static final ArchRule core_does_not_know_the_spring_integration_or_the_simulator =
      noClasses().that().resideInAnyPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage("nl.noodrem.digid.spring..", "nl.noodrem.digid.simulator..");

  @ArchTest
  static final ArchRule production_wiring_does_not_depend_on_the_simulator =
      noClasses().that().resideInAPackage("nl.noodrem.digid.spring..")
          .should().dependOnClassesThat().resideInAPackage("nl.noodrem.digid.simulator..");

  @ArchTest
  static final ArchRule simulator_classes_say_so_in_their_name =
      classes().that().resideInAPackage("nl.noodrem.digid.simulator..").and().areTopLevelClasses()
          .should().haveSimpleNameContaining("Simulator");

  @ArchTest
  static final ArchRule opensaml_http_encoders_are_not_used =
      noClasses().should().dependOnClassesThat().resideInAnyPackage(
          "org.opensaml.saml.saml2.binding.encoding..", "org.opensaml.saml.saml2.binding.decoding..", "org.opensaml.messaging.encoder.servlet..");
}
