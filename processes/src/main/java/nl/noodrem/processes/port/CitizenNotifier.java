package nl.noodrem.processes.port;

/**
 * Puts a message in the citizen's inbox (the portal's in-app message store, read after DigiD login by the
 * citizen's pseudonym).
 *
 * <p><b>Guarantee:</b> once {@link #send} returns, the notice is stored; sending the same
 * {@link CitizenNotice#noticeId()} again stores nothing new.
 *
 * <p><b>Failure:</b> {@link PortUnavailableException} when the store cannot be written now.
 */
public interface CitizenNotifier {

  void send(CitizenNotice notice) throws PortUnavailableException;
}
