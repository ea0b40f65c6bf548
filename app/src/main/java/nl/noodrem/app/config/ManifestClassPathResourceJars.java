package nl.noodrem.app.config;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.WebResourceRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Serves {@code META-INF/resources} of the jars a jar's manifest {@code Class-Path} names, as the servlet
 * specification asks for every jar of a web application.
 *
 * <p>Why: the run command starts the app from Spring Boot's extracted layout ({@code java -jar app.jar} with the
 * libraries in {@code lib/}, named by the manifest), because class-data sharing cannot map classes from nested jars.
 * Spring Boot hands Tomcat the resource jars it finds on {@code java.class.path} only, which in that layout is the one
 * application jar, so Tomcat never sees {@code camunda-webapp-webjar}'s {@code META-INF/resources/plugin/...}. The
 * Camunda webapps read their plugin scripts ({@code /camunda/api/cockpit/plugin/.../static/app/plugin.js}) through the
 * servlet context and answered 404: Cockpit, Tasklist and Admin showed only their spinner. The fat jar and the tests
 * are not affected (there every library is on the class path itself) and this class then adds nothing.
 */
@Component
class ManifestClassPathResourceJars implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private static final Logger LOG = LoggerFactory.getLogger(ManifestClassPathResourceJars.class);
  private static final String RESOURCES = "META-INF/resources";

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    List<URL> jars = resourceJars(System.getProperty("java.class.path", ""));
    if (jars.isEmpty()) {
      return;
    }
    factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
      if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
        addResourceJars((Context) event.getLifecycle(), jars);
      }
    }));
  }

  private static void addResourceJars(Context context, List<URL> jars) {
    WebResourceRoot resources = context.getResources();
    for (URL jar : jars) {
      resources.createWebResourceSet(WebResourceRoot.ResourceSetType.RESOURCE_JAR, "/", jar, "/" + RESOURCES);
    }
    LOG.debug("{} resource jar(s) from the manifest class path added to the servlet context", jars.size());
  }

  /**
   * The jars named in the {@code Class-Path} manifest attribute of the class path's jars that hold
   * {@code META-INF/resources} and are not on the class path themselves (those Spring Boot adds already).
   */
  static List<URL> resourceJars(String classPath) {
    Set<Path> onClassPath = new LinkedHashSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        onClassPath.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    List<URL> found = new ArrayList<>();
    for (Path jar : onClassPath) {
      for (Path named : manifestClassPath(jar)) {
        if (!onClassPath.contains(named) && hasResources(named)) {
          try {
            found.add(named.toUri().toURL());
          } catch (MalformedURLException e) {
            LOG.warn("resource jar {} cannot be named as a URL: {}", named, e.getMessage());
          }
        }
      }
    }
    return found;
  }

  private static List<Path> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return List.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      String value = file.getManifest() == null ? null
          : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      List<Path> named = new ArrayList<>();
      for (String entry : value.trim().split("\\s+")) {
        // entries are URLs relative to the jar's directory (JAR File Specification)
        named.add(jar.getParent().resolve(entry.replace('/', File.separatorChar)).toAbsolutePath().normalize());
      }
      return named;
    } catch (IOException e) {
      LOG.warn("manifest of {} cannot be read: {}", jar, e.getMessage());
      return List.of();
    }
  }

  private static boolean hasResources(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(RESOURCES + "/") != null || file.stream().anyMatch(e -> e.getName().startsWith(RESOURCES + "/"));
    } catch (IOException e) {
      return false;
    }
  }
}
