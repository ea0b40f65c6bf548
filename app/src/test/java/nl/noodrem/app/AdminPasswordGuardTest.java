package nl.noodrem.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

  private final AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void postProcess_missingPassword_refusesToStart() {
    var env = new MockEnvironment();
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOODREM_ADMIN_PASSWORD");
  }

  @Test
  void postProcess_devPasswordOutsideDev_refusesToStart() {
    var env = new MockEnvironment().withProperty("noodrem.admin.password", AdminAccountProperties.DEV_ONLY_PASSWORD);
    env.setActiveProfiles("production");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("development-only");
  }

  @Test
  void postProcess_devPasswordInDev_isAccepted() {
    var env = new MockEnvironment().withProperty("noodrem.admin.password", AdminAccountProperties.DEV_ONLY_PASSWORD);
    env.setActiveProfiles("dev");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void postProcess_realPasswordInProduction_isAccepted() {
    var env = new MockEnvironment().withProperty("noodrem.admin.password", "s3cret-from-environment");
    env.setActiveProfiles("production");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }
}
