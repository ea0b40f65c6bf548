package nl.noodrem.app.portal;

import java.util.List;
import java.util.Locale;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.springframework.stereotype.Component;

/** The citizen's messages in the language of the page. */
@Component
class CitizenInboxView {

  /** One message for display. */
  record Message(String type, String reference, String text, String date, String isoDate) {}

  private final JdbcCitizenInbox inbox;
  private final BsnPseudonymizer pseudonymizer;

  CitizenInboxView(JdbcCitizenInbox inbox, BsnPseudonymizer pseudonymizer) {
    this.inbox = inbox;
    this.pseudonymizer = pseudonymizer;
  }

  List<JdbcCitizenInbox.InboxMessage> raw(AuthenticatedCitizen citizen) {
    return inbox.inbox(pseudonymizer.pseudonymize(citizen.bsn()));
  }

  List<Message> messages(List<JdbcCitizenInbox.InboxMessage> raw, Locale locale) {
    boolean english = PortalLocales.isEnglish(locale);
    return raw.stream().map(m -> new Message(m.type(), m.reference(), english ? m.english() : m.dutch(),
        PortalLocales.dateTime(m.createdAt(), locale), m.createdAt().toString())).toList();
  }
}
