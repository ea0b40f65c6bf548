package nl.noodrem.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first Camunda administrator (Cockpit, Tasklist, Admin). Created at first start when absent.
 *
 * @param username the admin's user id
 * @param password empty in committed production configuration; the development profile sets
 *     {@link #DEV_ONLY_PASSWORD}, which the app announces at start and refuses outside development
 */
@ConfigurationProperties("noodrem.admin")
public record AdminAccountProperties(@DefaultValue("admin") String username, String password) {

  /** Development-only default, committed on purpose and refused by the production profile. */
  public static final String DEV_ONLY_PASSWORD = "dev-only-admin";

  public boolean usesDevelopmentDefault() {
    return DEV_ONLY_PASSWORD.equals(password);
  }
}
