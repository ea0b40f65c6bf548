package nl.noodrem.processes.port;

/**
 * The system behind a port (chain, wallet crypto, notification store) cannot answer now. Trying again later may
 * succeed: a process step that gets it fails its job, which Camunda retries with back-off and turns into an
 * incident after the last retry. The message never carries personal data.
 */
public class PortUnavailableException extends Exception {

  public PortUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
