package nl.noodrem.camel.api;

import java.util.List;
import nl.noodrem.domain.Bsn;

/**
 * CJIB's legacy collection system, as the processes see it. Implemented by Camel routes; the processes
 * never see a route, an endpoint or a queue name.
 *
 * <p><b>Guarantee:</b> a hold or lift command that {@link #sendHold}/{@link #sendLift} accepted is written in the
 * caller's transaction (when the calling thread has a Spring-managed one on the app's database) and leaves for the
 * collection system only after that transaction committed; nothing leaves when it rolls back. Once committed it
 * reaches the collection system at least once, even if this node stops right after the commit or the broker is
 * down for a while. Without a transaction it is written and sent before the call returns, as far as the broker can
 * be reached (else it is sent later). The acknowledgement comes back through {@link ProcessGateway#holdAcknowledged}.
 * A command's id is bound to its content ({@link HoldCommand#commandId()}): a command delivered twice acts once, a
 * changed command is a new one.
 *
 * <p><b>Failure:</b> {@link CollectionSystemException} when the system (for a command: the outbox in the app's
 * database) cannot be reached now (the caller retries, e.g. a Camunda job with back-off); an unknown citizen is an
 * empty list, not an error.
 */
public interface CollectionSystem {

  /** The citizen's cases on which collection is running or held (paid and closed cases excluded). */
  List<OpenCase> openCases(Bsn bsn) throws CollectionSystemException;

  void sendHold(HoldCommand command) throws CollectionSystemException;

  void sendLift(LiftCommand command) throws CollectionSystemException;

  /** A payment plan the citizen accepted; same guarantee as a hold or lift. */
  void sendPaymentPlan(PaymentPlanCommand command) throws CollectionSystemException;
}
