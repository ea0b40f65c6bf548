package nl.noodrem.camel.api;

/** The municipality's debt-help system could not answer. */
public class DebtHelpRegistryException extends Exception {

  public DebtHelpRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
