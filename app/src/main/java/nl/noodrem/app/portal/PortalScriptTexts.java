package nl.noodrem.app.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts the pages' scripts show (keys {@code js.*} of the message files), as one JSON object per language. The
 * layout puts it in a data attribute, so scripts never carry text of their own and the portal needs no inline script.
 */
@Component
class PortalScriptTexts {

  static final String PREFIX = "js.";

  private final MessageSource messages;
  private final ObjectMapper json;
  private final Iterable<String> keys;
  private final Map<Locale, String> cache = new ConcurrentHashMap<>();

  PortalScriptTexts(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
    this.keys = scriptKeys();
  }

  String json(Locale locale) {
    Locale supported = PortalLocales.supported(locale);
    return cache.computeIfAbsent(supported, l -> {
      Map<String, String> texts = new TreeMap<>();
      for (String key : keys) {
        texts.put(key.substring(PREFIX.length()), messages.getMessage(key, null, l));
      }
      try {
        return json.writeValueAsString(texts);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("script texts cannot be written as JSON", e);
      }
    });
  }

  private static Iterable<String> scriptKeys() {
    Properties base = new Properties();
    try (InputStream in = PortalScriptTexts.class.getResourceAsStream("/messages.properties")) {
      if (in == null) {
        throw new IllegalStateException("messages.properties is not on the classpath");
      }
      base.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return base.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).sorted().toList();
  }
}
