package nl.noodrem.processes.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import nl.noodrem.domain.Bsn;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.LoggerFactory;

/**
 * Looks for a BSN anywhere it must not be: every column of every table of the engine's database (runtime, history,
 * byte arrays, jobs, incidents, DMN history), as text, as ASCII bytes, and as hex of those bytes; and every log
 * line written while the test ran.
 */
public final class PrivacyScan {

  private PrivacyScan() {}

  /** Every cell of every table that contains the BSN, as "TABLE.COLUMN". */
  public static List<String> databaseHits(ProcessEngine engine, Bsn bsn) throws Exception {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    String digits = bsn.digits();
    byte[] ascii = digits.getBytes(StandardCharsets.US_ASCII);
    String hex = HexFormat.of().formatHex(ascii);
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      if (tables.size() < 40) {
        throw new AssertionError("expected the Camunda tables, found " + tables);
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            for (int c = 1; c <= meta.getColumnCount(); c++) {
              Object value = rows.getObject(c);
              String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                  : value == null ? "" : value.toString();
              if (text.contains(digits) || text.toLowerCase().contains(hex)
                  || (value instanceof byte[] b && indexOf(b, ascii) >= 0)) {
                hits.add(table + "." + meta.getColumnName(c));
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Captures every log event from now on, on the root logger. */
  public static ListAppender<ILoggingEvent> captureLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    return appender;
  }

  public static List<String> logHits(ListAppender<ILoggingEvent> appender, Bsn bsn) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    root.setLevel(ch.qos.logback.classic.Level.INFO);
    List<String> hits = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
          : event.getThrowableProxy().getMessage());
      if (text.contains(bsn.digits())) {
        hits.add(event.getLoggerName() + ": " + text);
      }
    }
    return hits;
  }
}
