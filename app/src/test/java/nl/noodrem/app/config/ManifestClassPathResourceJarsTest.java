package nl.noodrem.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestClassPathResourceJarsTest {

  @TempDir Path dir;

  @Test
  void resourceJars_extractedLayout_namesTheLibrariesWithWebResources() throws IOException {
    Path webjar = jar(dir.resolve("lib/webjar.jar"), null, "META-INF/resources/plugin/cockpit/app/plugin.js");
    jar(dir.resolve("lib/plain.jar"), null, "org/example/Plain.class");
    Path app = jar(dir.resolve("app.jar"), "lib/plain.jar lib/webjar.jar lib/missing.jar", "nl/App.class");

    assertThat(ManifestClassPathResourceJars.resourceJars(app.toString()))
        .containsExactly(webjar.toUri().toURL());
  }

  @Test
  void resourceJars_libraryAlsoOnTheClassPath_isLeftToSpringBoot() throws IOException {
    Path webjar = jar(dir.resolve("lib/webjar.jar"), null, "META-INF/resources/plugin/cockpit/app/plugin.js");
    Path app = jar(dir.resolve("app.jar"), "lib/webjar.jar", "nl/App.class");

    assertThat(ManifestClassPathResourceJars.resourceJars(app + File.pathSeparator + webjar)).isEmpty();
  }

  @Test
  void resourceJars_jarWithoutClassPathOrADirectory_addsNothing() throws IOException {
    Path fat = jar(dir.resolve("fat.jar"), null, "BOOT-INF/lib/webjar.jar");
    Files.createDirectories(dir.resolve("classes"));

    assertThat(ManifestClassPathResourceJars.resourceJars(fat + File.pathSeparator + dir.resolve("classes"))).isEmpty();
  }

  private static Path jar(Path path, String classPath, String entry) throws IOException {
    Files.createDirectories(path.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(1);
      jar.closeEntry();
    }
    return path;
  }
}
