package nl.noodrem.zkp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's architecture rules, named as sentences (STYLE.md 10). Main classes only. */
@AnalyzeClasses(
    packages = "nl.noodrem.zkp",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule zkp_does_not_depend_on_spring = noClasses()
      .that().resideInAPackage("nl.noodrem.zkp..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.inject..");

  @ArchTest
  static final ArchRule zkp_does_not_depend_on_other_noodrem_modules_than_domain = noClasses()
      .that().resideInAPackage("nl.noodrem.zkp..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "nl.noodrem.ledger..", "nl.noodrem.digid..", "nl.noodrem.camel..", "nl.noodrem.processes..",
          "nl.noodrem.app..", "nl.noodrem.features..");

  @ArchTest
  static final ArchRule bbs_core_does_not_depend_on_the_credential_layer = noClasses()
      .that().resideInAPackage("nl.noodrem.zkp.bbs..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "nl.noodrem.zkp.credential..", "nl.noodrem.zkp.keys..", "nl.noodrem.zkp.cli..", "nl.noodrem.zkp.trust..");

  /** Scalars (keys, blinding factors, hidden messages) never pass through BigInteger; hash-to-curve of public seeds may. */
  @ArchTest
  static final ArchRule bbs_core_uses_big_integer_only_for_hash_to_curve_of_public_inputs = noClasses()
      .that().resideInAPackage("nl.noodrem.zkp.bbs..")
      .and().doNotHaveSimpleName("HashToCurveG1")
      .should().dependOnClassesThat().haveFullyQualifiedName("java.math.BigInteger");

  @ArchTest
  static final ArchRule no_insecure_randomness_ships_in_the_main_jar = noClasses()
      .should().haveSimpleNameContaining("Insecure")
      .orShould().haveSimpleNameContaining("Mock");

  @ArchTest
  static final ArchRule the_command_line_tool_is_not_used_by_the_library = noClasses()
      .that().resideOutsideOfPackage("nl.noodrem.zkp.cli..")
      .should().dependOnClassesThat().resideInAPackage("nl.noodrem.zkp.cli..");
}
