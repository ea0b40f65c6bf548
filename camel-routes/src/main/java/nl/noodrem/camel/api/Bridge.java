package nl.noodrem.camel.api;

import java.util.Arrays;

/**
 * The inbound bridges that keep dead letters. The code is what the dead-letter store and the REST API
 * use.
 */
public enum Bridge {
  /** Debt-help started/ended records from batch files (directory or SFTP). */
  DEBT_HELP_BATCH("debt-help-batch"),
  /** Debt-help status changes polled from a municipality's legacy database table. */
  DEBT_HELP_DB("debt-help-db"),
  /** Acknowledgements of hold and lift commands from the CJIB collection system. */
  COLLECTION_ACK("collection-ack"),
  /** "Case opened" notifications from the CJIB collection system. */
  COLLECTION_CASE_EVENTS("collection-case-events"),
  /** Status-list changes from the chain. */
  CHAIN_STATUS("chain-status");

  private final String code;

  Bridge(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** @throws IllegalArgumentException for an unknown code */
  public static Bridge fromCode(String code) {
    return Arrays.stream(values())
        .filter(b -> b.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown bridge: " + code));
  }
}
