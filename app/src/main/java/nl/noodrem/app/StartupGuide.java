package nl.noodrem.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.noodrem.app.chain.ChainConfiguration;
import nl.noodrem.app.staff.DevelopmentStaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the app where to go: the start banner (addresses, every port the app listens on, the only
 * development logins) and, when it stops, a line saying it is stopping and a closing line once everything is down.
 * Ports come from the configuration the listeners use, so the banner cannot drift from them. The password rules are
 * {@link AdminPasswordGuard}'s.
 */
@Component
class StartupGuide {

  private static final Logger LOG = LoggerFactory.getLogger(StartupGuide.class);
  private static final java.util.concurrent.atomic.AtomicBoolean CLOSING_LINE_REGISTERED =
      new java.util.concurrent.atomic.AtomicBoolean();
  static final String CLOSING_LINE = "Noodrem has stopped: app, dev chain, broker and stand-ins are down.";

  private final AdminAccountProperties admin;
  private final Environment environment;
  private final ObjectProvider<ChainConfiguration.ChainRuntime> chain;
  private final ObjectProvider<DevelopmentStaffAccounts> staff;

  StartupGuide(AdminAccountProperties admin, Environment environment, ObjectProvider<ChainConfiguration.ChainRuntime> chain,
      ObjectProvider<DevelopmentStaffAccounts> staff) {
    this.admin = admin;
    this.environment = environment;
    this.chain = chain;
    this.staff = staff;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort()
        : environment.getProperty("server.port", Integer.class, 8080);
    LOG.info(banner(port));
    if (CLOSING_LINE_REGISTERED.compareAndSet(false, true)) {
      // runs after every context has closed (Spring Boot's shutdown hook): the last line the developer sees
      SpringApplication.getShutdownHandlers().add(() -> System.out.println("\n  " + CLOSING_LINE + "\n"));
    }
  }

  @EventListener
  void onClose(ContextClosedEvent event) {
    // child contexts close too; the line is for the application's own context
    if (event.getApplicationContext().getParent() == null) {
      LOG.info("Noodrem is stopping (app, dev chain, broker, stand-ins)…");
    }
  }

  String banner(int port) {
    String base = "http://localhost:" + port;
    StringBuilder guide = new StringBuilder()
        .append("\n\n  Noodrem is running (profiles: ").append(String.join(",", activeProfiles())).append(")\n\n")
        .append("  Citizen portal      ").append(base).append("/\n")
        .append("  Cockpit             ").append(base).append("/camunda/app/cockpit/\n")
        .append("  Tasklist            ").append(base).append("/camunda/app/tasklist/\n")
        .append("  Admin               ").append(base).append("/camunda/app/admin/\n")
        .append("  Health              ").append(base).append("/actuator/health\n\n")
        .append("  Ports (loopback):\n");
    for (String[] line : ports(port)) {
      guide.append(String.format(Locale.ROOT, "    %-6s %s%n", line[0], line[1]));
    }
    List<String[]> logins = logins();
    if (!logins.isEmpty()) {
      guide.append("\n  DEVELOPMENT-ONLY logins (the production profile refuses them):\n");
      for (String[] login : logins) {
        guide.append(String.format(Locale.ROOT, "    %-54s %s%n", login[0], login[1]));
      }
    }
    guide.append("\n  Stop with Ctrl-C (or SIGTERM).\n");
    return guide.toString();
  }

  private List<String[]> ports(int port) {
    List<String[]> ports = new ArrayList<>();
    ports.add(new String[] {Integer.toString(port), "web: portal, Camunda webapps, REST API, health"
        + (flag("noodrem.digid.simulator.enabled") ? ", DigiD simulator" : "")});
    if (flag("noodrem.digid.simulator.enabled")) {
      ports.add(new String[] {port("noodrem.digid.simulator.artifact-resolution-port", "9443"),
          "DigiD simulator: SAML artifact resolution (mutual TLS)"});
    }
    if (flag("noodrem.standins.enabled")) {
      ports.add(new String[] {port("noodrem.standins.batch-drop.sftp-port", "2222"),
          "stand-in SFTP server (municipal batch files)"});
    }
    chain.ifAvailable(runtime -> runtime.devChain().ifPresent(dev ->
        ports.add(new String[] {portOf(dev.rpcUrl()), "dev chain (Anvil), " + dev.rpcUrl()})));
    return ports;
  }

  private List<String[]> logins() {
    List<String[]> logins = new ArrayList<>();
    if (admin.usesDevelopmentDefault()) {
      logins.add(new String[] {admin.username() + " / " + AdminAccountProperties.DEV_ONLY_PASSWORD,
          "Camunda administrator (Cockpit, Tasklist, Admin)"});
    }
    staff.ifAvailable(accounts -> accounts.logins().forEach(l ->
        logins.add(new String[] {l.user() + " / " + l.password(), l.role()})));
    return logins;
  }

  private boolean flag(String key) {
    return environment.getProperty(key, Boolean.class, false);
  }

  private String port(String key, String fallback) {
    String value = environment.getProperty(key, fallback);
    return "0".equals(value) ? "(free)" : value;
  }

  private static String portOf(String url) {
    int colon = url.lastIndexOf(':');
    return colon < 0 ? "?" : url.substring(colon + 1).replaceAll("[^0-9].*$", "");
  }

  private String[] activeProfiles() {
    String[] active = environment.getActiveProfiles();
    return active.length > 0 ? active : environment.getDefaultProfiles();
  }
}
