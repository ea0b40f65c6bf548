package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.service.CitizenMessages;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Every Task_Notify*: sends the notice named by the task's input parameter {@code noticeType}, filled from the
 * process variables its template names. The reference is the business key (brake or issuance reference).
 */
public class NotifyCitizenDelegate implements JavaDelegate {

  private final CitizenMessages messages;

  public NotifyCitizenDelegate(CitizenMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    NoticeType type = NoticeType.valueOf(Vars.string(execution, Vars.NOTICE_TYPE));
    messages.send(Vars.citizen(execution), type, execution.getProcessBusinessKey(), execution::getVariable);
  }
}
