package nl.noodrem.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.noodrem.digid.DigidMessages;
import org.junit.jupiter.api.Test;

/** The portal's texts: both languages complete, DigiD's texts verbatim, and every key the pages use present. */
class PortalTextsTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path SCRIPTS = Path.of("src/main/frontend/src/portal");

  @Test
  void messageFiles_dutchAndEnglish_haveTheSameKeys() throws IOException {
    assertThat(load("/messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("/messages.properties").stringPropertyNames());
  }

  @Test
  void digidTexts_inDutch_areTheConnectorsVerbatim() throws IOException {
    Properties dutch = load("/messages.properties");
    assertThat(dutch.getProperty("digid.cancelled")).isEqualTo(DigidMessages.CANCELLED);
    assertThat(dutch.getProperty("digid.loggedOut")).isEqualTo(DigidMessages.LOGGED_OUT);
  }

  @Test
  void templates_everyMessageKeyTheyUse_exists() throws IOException {
    Set<String> keys = load("/messages.properties").stringPropertyNames();
    Set<String> missing = new TreeSet<>();
    Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.toList()) {
        Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          if (!keys.contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void scripts_everyTextKeyTheyUse_existsForScripts() throws IOException {
    Set<String> keys = load("/messages.properties").stringPropertyNames();
    Set<String> missing = new TreeSet<>();
    Pattern key = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path file : files.toList()) {
        Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          if (!keys.contains(PortalScriptTexts.PREFIX + m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void textsWithArguments_containNoPlainApostrophe() throws IOException {
    // MessageFormat eats a single ' in texts with {0}: such texts use ’
    for (String file : new String[] {"/messages.properties", "/messages_en.properties"}) {
      Properties texts = load(file);
      assertThat(texts.stringPropertyNames()).allSatisfy(k -> {
        String text = texts.getProperty(k);
        if (text.matches("(?s).*\\{[0-9]}.*")) {
          assertThat(text).as(file + " " + k).doesNotContain("'");
        }
      });
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = PortalTextsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
