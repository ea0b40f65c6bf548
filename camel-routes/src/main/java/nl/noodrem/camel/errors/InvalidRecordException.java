package nl.noodrem.camel.errors;

/**
 * A record from a legacy system is malformed or breaks a domain rule. Never retried: it is quarantined
 * for a person. The message names the field and the rule and never repeats the record's content
 * (it may hold a BSN).
 */
public class InvalidRecordException extends RuntimeException {

  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
