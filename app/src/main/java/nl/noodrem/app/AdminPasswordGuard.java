package nl.noodrem.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start, before the engine creates any account, when the admin password is missing, or
 * when the development-only password is used outside the {@code dev} profile.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String password = environment.getProperty("noodrem.admin.password");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("noodrem.admin.password is not set (set NOODREM_ADMIN_PASSWORD)");
    }
    if (AdminAccountProperties.DEV_ONLY_PASSWORD.equals(password)
        && !environment.acceptsProfiles(Profiles.of("dev"))) {
      throw new IllegalStateException(
          "the development-only admin password may only be used with the 'dev' profile");
    }
  }
}
