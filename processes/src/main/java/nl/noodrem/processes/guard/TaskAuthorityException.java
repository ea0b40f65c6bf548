package nl.noodrem.processes.guard;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone acted on a task who may not: completing without being logged in or without having claimed it themselves,
 * claiming in someone else's name, working a task of a group they are not in, or writing process variables outside
 * a task's completion. An {@link AuthorizationException}, so the engine's REST API and Tasklist answer 403.
 */
public class TaskAuthorityException extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  public TaskAuthorityException(String message) {
    super(message);
  }
}
