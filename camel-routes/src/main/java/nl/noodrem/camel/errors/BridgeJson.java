package nl.noodrem.camel.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The bridges' own JSON mapper (not the app's bean, so that app-wide Jackson settings cannot change a
 * wire format). Parse errors never quote the input, which may hold a BSN.
 */
public final class BridgeJson {

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private BridgeJson() {}

  /**
   * Reads a legacy system's JSON message.
   *
   * @throws InvalidRecordException when it is not valid JSON for {@code type}; the message gives the
   *     position only, and the parser's exception is not kept as cause, because Jackson's messages
   *     quote the offending token or value (which may be a BSN) and would reach logs and dead letters
   */
  public static <T> T read(String json, Class<T> type) {
    requireText(json);
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw unreadable(type.getSimpleName(), e);
    }
  }

  /** As {@link #read(String, Class)} for generic types. */
  public static <T> T read(String json, TypeReference<T> type) {
    requireText(json);
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw unreadable("JSON object", e);
    }
  }

  private static void requireText(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidRecordException("message has no text body");
    }
  }

  private static InvalidRecordException unreadable(String what, JacksonException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new InvalidRecordException("message is not a valid " + what + where + " ("
        + e.getClass().getSimpleName() + ")");
  }
}
