package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.service.CitizenMessages;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_OfferPaymentPlan: after the hold, the citizen is offered CJIB's standard payment plan unless the hold
 * decision said otherwise ({@code offerPaymentPlan}; true when no decision was made).
 */
public class OfferPaymentPlanDelegate implements JavaDelegate {

  private final CitizenMessages messages;
  private final BrakeSteps steps;

  public OfferPaymentPlanDelegate(CitizenMessages messages, BrakeSteps steps) {
    this.messages = messages;
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String brakeRef = Vars.string(execution, Vars.BRAKE_REF);
    Object offer = execution.getVariable(Vars.OFFER_PAYMENT_PLAN);
    if (Boolean.FALSE.equals(offer)) {
      steps.audit(brakeRef, AuditAction.PAYMENT_PLAN_OFFERED, "not offered: the hold decision said so");
      return;
    }
    // kept in the brake's history: what the citizen can accept later (PaymentPlanService), after the brake ended
    execution.setVariable(Vars.PAYMENT_PLAN_OFFERED_MONTHS, (long) steps.paymentPlanMonths());
    messages.send(Vars.citizen(execution), NoticeType.PAYMENT_PLAN_OFFERED, brakeRef, execution::getVariable);
    steps.audit(brakeRef, AuditAction.PAYMENT_PLAN_OFFERED, "standard payment plan offered: "
        + steps.paymentPlanMonths() + " months");
  }
}
