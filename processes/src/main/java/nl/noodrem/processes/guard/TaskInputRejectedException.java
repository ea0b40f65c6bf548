package nl.noodrem.processes.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion wrote a variable the task does not declare, or a declared one out of its bounds. Nothing of the
 * completion is kept (the transaction rolls back). It is a {@link FormFieldValidationException} so that Tasklist and
 * the engine's REST API ({@code complete}, {@code submit-form}) answer 400 with this message.
 */
public class TaskInputRejectedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  public TaskInputRejectedException(String message) {
    super(null, message);
  }
}
