package nl.noodrem.processes.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nl.noodrem.domain.CaseNumber;

/**
 * Case numbers as a process variable: a JSON array of strings. Plain text on purpose, not a Java-serialised list:
 * readable in Cockpit, portable to Operaton and any database, and no deserialisation of untrusted classes.
 */
public final class CaseList {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseList() {}

  public static String toJson(List<CaseNumber> cases) {
    try {
      return JSON.writeValueAsString(cases.stream().map(CaseNumber::value).distinct().toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write case list", e);
    }
  }

  public static List<CaseNumber> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<String> values = JSON.readValue(json, new TypeReference<List<String>>() {});
      return values.stream().map(CaseNumber::of).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case list variable is not a JSON array of case numbers", e);
    }
  }

  /** {@code json} with {@code added} appended unless present, order kept. */
  public static String with(String json, CaseNumber added) {
    LinkedHashSet<CaseNumber> all = new LinkedHashSet<>(fromJson(json));
    all.add(added);
    return toJson(new ArrayList<>(all));
  }
}
