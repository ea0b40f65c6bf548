package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Every development secret of the repository is known by fingerprint, in whatever property it arrives. */
class DevelopmentSecretsTest {

  /** Each committed development secret, in a property a production deployment could carry it in. */
  static Stream<Arguments> committedSecrets() {
    return Stream.of(
        Arguments.of("noodrem.privacy.pseudonym-key", "ZGV2LW9ubHkgcHNldWRvbnltIGtleTogbm90IGZvciBwcm9kdWN0aW9uISE="),
        Arguments.of("noodrem.privacy.sealing-key", "ZGV2LW9ubHktc2VhbGluZy1rZXktMzItYnl0ZXMhISE="),
        Arguments.of("noodrem.process.sealing-key", "ZGV2LW9ubHktZmFjdC1zZWFsaW5nLWtleS0zMmJ5dGU="),
        Arguments.of("noodrem.api.clients.gemeente.key-sha256",
            "71957410ea8dee65cd9f55bcb564c628382a384cf27ad024e95de47a6a8b7177"),
        Arguments.of("noodrem.api.clients.beheer.key-sha256",
            "238abb04be1b506af946953f2c38d30fac0a835e18929d4523905e5ae3b77d1f"),
        Arguments.of("noodrem.api.test-key", "dev-only-api-key-denhaag"),
        Arguments.of("noodrem.api.test-key", "dev-only-api-key-cjib-beheer"),
        Arguments.of("noodrem.admin.password", "dev-only-admin"),
        Arguments.of("NOODREM_ADMIN_PASSWORD", "admin"),
        Arguments.of("noodrem.admin.password", "demo"),
        Arguments.of("noodrem.admin.password", "dev-only-behandelaar"),
        Arguments.of("noodrem.admin.password", "dev-only-schuldhulp-denhaag"),
        Arguments.of("noodrem.admin.password", "dev-only-schuldhulp-eindhoven"),
        Arguments.of("noodrem.admin.password", "dev-only-netwerkbeheer"),
        Arguments.of("noodrem.admin.password", "dev-only-procesbeheer"),
        Arguments.of("noodrem.chain.issuer-keystore-password", "dev-only-issuer-keystore-password"),
        Arguments.of("noodrem.digid.sp.signing-keystore-password", "noodrem-dev-only"),
        Arguments.of("noodrem.legacy.debt-help-batch.sftp.password", "standin-only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("committedSecrets")
  void match_committedSecret_isFound(String property, String value) {
    assertThat(DevelopmentSecrets.match(property, value)).isPresent();
  }

  @Test
  void committedSecrets_coverEveryFingerprint() {
    Set<String> matched = new HashSet<>();
    committedSecrets().forEach(a -> DevelopmentSecrets.match((String) a.get()[0], (String) a.get()[1])
        .ifPresent(f -> matched.add(f.sha256())));

    assertThat(matched).containsExactlyInAnyOrderElementsOf(
        DevelopmentSecrets.ALL.stream().map(DevelopmentSecrets.Fingerprint::sha256).toList());
  }

  @Test
  void match_sameKeyInAnotherSpelling_isFound() {
    // URL-safe base64 without padding, hex hash in upper case, surrounding white space (a secret file's newline)
    assertThat(DevelopmentSecrets.match("NOODREM_PRIVACY_PSEUDONYMKEY",
        "ZGV2LW9ubHkgcHNldWRvbnltIGtleTogbm90IGZvciBwcm9kdWN0aW9uISE")).isPresent();
    assertThat(DevelopmentSecrets.match("noodrem.api.clients.x.key-sha256",
        "71957410EA8DEE65CD9F55BCB564C628382A384CF27AD024E95DE47A6A8B7177")).isPresent();
    assertThat(DevelopmentSecrets.match("noodrem.process.sealing-key",
        "ZGV2LW9ubHktZmFjdC1zZWFsaW5nLWtleS0zMmJ5dGU=\n")).isPresent();
  }

  @Test
  void match_theWordAdminOutsideAPassword_isNoSecret() {
    assertThat(DevelopmentSecrets.match("noodrem.admin.username", "admin")).isEmpty();
    assertThat(DevelopmentSecrets.match("noodrem.admin.password", "a-real-long-random-password")).isEmpty();
    assertThat(DevelopmentSecrets.match("noodrem.privacy.pseudonym-key",
        "q2p0b3B6cXh2eXd1dHNycXBvbm1sa2ppaGdmZWRjYmE=")).isEmpty();
  }

  @Test
  void find_everySecretOfTheDevProfile_isKnown() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-dev.yml"));
    Properties dev = yaml.getObject();
    int secrets = 0;
    for (String name : dev.stringPropertyNames()) {
      String value = dev.getProperty(name);
      boolean secretName = name.endsWith("password") || name.endsWith("-key") || name.endsWith("key-sha256");
      if (!secretName || value.contains("/")) {
        continue;
      }
      // "${NOODREM_ADMIN_PASSWORD:dev-only-admin}": the committed default is the secret
      String committed = value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
      assertThat(DevelopmentSecrets.match(name, committed)).as(name).isPresent();
      secrets++;
    }
    assertThat(secrets).isGreaterThanOrEqualTo(7);
  }

  @Test
  void find_environmentWithASecretFile_namesThePropertyNotTheSecret() {
    MockEnvironment env = new MockEnvironment();
    env.setProperty("noodrem.process.sealing-key", "ZGV2LW9ubHktZmFjdC1zZWFsaW5nLWtleS0zMmJ5dGU=");
    env.setProperty("noodrem.admin.password", "${ADMIN_FROM_ELSEWHERE}");
    env.setProperty("ADMIN_FROM_ELSEWHERE", "dev-only-admin");

    assertThat(DevelopmentSecrets.find(env)).extracting(DevelopmentSecrets.Finding::toString)
        .anySatisfy(t -> assertThat(t).startsWith("noodrem.process.sealing-key holds the development fact sealing key"))
        .anySatisfy(t -> assertThat(t).startsWith("noodrem.admin.password holds the development admin password"))
        .allSatisfy(t -> assertThat(t).doesNotContain("ZGV2").doesNotContain("dev-only-admin"));
  }

  @Test
  void find_mapOfPlainValues_findsNothing() {
    MockEnvironment env = new MockEnvironment();
    Map.of("noodrem.admin.username", "admin", "server.port", "8080").forEach(env::setProperty);
    assertThat(DevelopmentSecrets.find(env)).isEmpty();
  }
}
