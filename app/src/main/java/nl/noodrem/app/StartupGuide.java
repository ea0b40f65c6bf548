package nl.noodrem.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to go (the password rules are {@link AdminPasswordGuard}'s). */
@Component
class StartupGuide {

  private static final Logger LOG = LoggerFactory.getLogger(StartupGuide.class);

  private final AdminAccountProperties admin;
  private final Environment environment;

  StartupGuide(AdminAccountProperties admin, Environment environment) {
    this.admin = admin;
    this.environment = environment;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort()
        : environment.getProperty("server.port", Integer.class, 8080);
    String base = "http://localhost:" + port;
    StringBuilder guide = new StringBuilder()
        .append("\n\n  Noodrem is running (profiles: ").append(String.join(",", activeProfiles())).append(")\n")
        .append("  Citizen portal      ").append(base).append("/\n")
        .append("  Cockpit             ").append(base).append("/camunda/app/cockpit/\n")
        .append("  Tasklist            ").append(base).append("/camunda/app/tasklist/\n")
        .append("  Admin               ").append(base).append("/camunda/app/admin/\n")
        .append("  Health              ").append(base).append("/actuator/health\n");
    if (admin.usesDevelopmentDefault()) {
      guide.append("  DEVELOPMENT-ONLY admin login: ").append(admin.username()).append(" / ")
          .append(AdminAccountProperties.DEV_ONLY_PASSWORD).append("  (never use outside development)\n");
    }
    LOG.info(guide.toString());
  }

  private String[] activeProfiles() {
    String[] active = environment.getActiveProfiles();
    return active.length > 0 ? active : environment.getDefaultProfiles();
  }
}
