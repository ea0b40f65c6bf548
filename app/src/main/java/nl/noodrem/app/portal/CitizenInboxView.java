package nl.noodrem.app.portal;

import java.util.List;
import java.util.Locale;
import nl.noodrem.app.citizen.IssuanceStatus;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.springframework.stereotype.Component;

/**
 * The citizen's messages in the language of the page. A message about a request for a proof links to that request;
 * "your proof is ready" is shown as collected once it is, so the inbox never says something that is no longer true.
 */
@Component
class CitizenInboxView {

  /**
   * One message for display.
   *
   * @param link where the citizen follows what the message is about (a request for a proof), or null
   */
  record Message(String type, String reference, String text, String date, String isoDate, String link) {}

  private final JdbcCitizenInbox inbox;
  private final BsnPseudonymizer pseudonymizer;
  private final IssuanceStatus issuances;

  CitizenInboxView(JdbcCitizenInbox inbox, BsnPseudonymizer pseudonymizer, IssuanceStatus issuances) {
    this.inbox = inbox;
    this.pseudonymizer = pseudonymizer;
    this.issuances = issuances;
  }

  List<JdbcCitizenInbox.InboxMessage> raw(AuthenticatedCitizen citizen) {
    return inbox.inbox(pseudonymizer.pseudonymize(citizen.bsn()));
  }

  List<Message> messages(List<JdbcCitizenInbox.InboxMessage> raw, Locale locale) {
    boolean english = PortalLocales.isEnglish(locale);
    return raw.stream().map(m -> {
      String text = english ? m.english() : m.dutch();
      String link = null;
      if (m.reference() != null && m.reference().startsWith("IS-")) {
        link = "/portaal/aanvraag/" + m.reference();
        if (NoticeType.CREDENTIAL_READY.name().equals(m.type())
            && issuances.of(m.reference()) == IssuanceStatus.State.COLLECTED) {
          IssuanceStatus.State collected = IssuanceStatus.State.COLLECTED;
          text = (english ? collected.english() + " Reference " : collected.dutch() + " Kenmerk ") + m.reference() + ".";
        }
      }
      return new Message(m.type(), m.reference(), text, PortalLocales.dateTime(m.createdAt(), locale),
          m.createdAt().toString(), link);
    }).toList();
  }
}
