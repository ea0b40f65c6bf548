package nl.noodrem.processes.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.CitizenNotice;
import nl.noodrem.processes.port.CitizenNotifier;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.port.PortUnavailableException;

/**
 * Fills a notice's placeholders from process facts and sends it. The templates decide which facts are read, so a
 * notice can never pick up a variable it does not name.
 */
public class CitizenMessages {


  private final CitizenNotifier notifier;
  private final NoodremProcessProperties properties;

  public CitizenMessages(CitizenNotifier notifier, NoodremProcessProperties properties) {
    this.notifier = notifier;
    this.properties = properties;
  }

  /**
   * @param facts looks up a fact by placeholder name (process variables); {@code reasonNl}/{@code reasonEn} are
   *     derived from {@code liftReason}, {@code planMonths} from configuration
   * @throws IllegalStateException when the template names a fact the process does not have (a model error)
   */
  public CitizenNotice send(CitizenRef to, NoticeType type, String reference, Function<String, Object> facts)
      throws PortUnavailableException {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher m = CitizenNotice.PLACEHOLDER.matcher(type.dutchTemplate() + type.englishTemplate());
    while (m.find()) {
      String name = m.group(1);
      if (!name.equals("reference") && !values.containsKey(name)) {
        values.put(name, value(name, facts));
      }
    }
    CitizenNotice notice = CitizenNotice.of(to, type, reference, values);
    notifier.send(notice);
    return notice;
  }

  private String value(String name, Function<String, Object> facts) {
    switch (name) {
      case "planMonths":
        return Integer.toString(properties.paymentPlanMonths());
      case "reasonNl":
        return liftReasonDutch(HoldLifted.Reason.valueOf(required("liftReason", facts)));
      case "reasonEn":
        return liftReasonEnglish(HoldLifted.Reason.valueOf(required("liftReason", facts)));
      default:
        // dates stay ISO: the notice writes them out in each language (CitizenNotice)
        return required(name, facts);
    }
  }

  private static String required(String name, Function<String, Object> facts) {
    Object value = facts.apply(name);
    if (value == null) {
      throw new IllegalStateException("notice needs fact '" + name + "' but the process has none");
    }
    return value.toString();
  }

  static String liftReasonDutch(HoldLifted.Reason reason) {
    return switch (reason) {
      case PERIOD_ENDED -> "de periode van het uitstel is voorbij";
      case CREDENTIAL_REVOKED -> "uw gemeente meldt dat uw schuldhulp is gestopt";
      case NO_PROOF_PRESENTED -> "er is op tijd geen bewijs van schuldhulp ontvangen";
      case CASE_OFFICER_DECISION -> "besluit van een medewerker van het CJIB";
      case ENDED_BY_STAFF -> "een medewerker van het CJIB heeft de noodrem beëindigd";
      case CITIZEN_WITHDREW -> "u heeft gevraagd de noodrem te stoppen";
      case CASES_PAID -> "uw zaken zijn betaald";
      case BRAKE_CANCELLED -> "het CJIB heeft de noodrem afgebroken";
    };
  }

  static String liftReasonEnglish(HoldLifted.Reason reason) {
    return switch (reason) {
      case PERIOD_ENDED -> "the hold period is over";
      case CREDENTIAL_REVOKED -> "your municipality reports that your debt help stopped";
      case NO_PROOF_PRESENTED -> "no proof of debt help was received in time";
      case CASE_OFFICER_DECISION -> "a CJIB case officer's decision";
      case ENDED_BY_STAFF -> "CJIB staff ended the brake";
      case CITIZEN_WITHDREW -> "you asked to stop the brake";
      case CASES_PAID -> "your cases have been paid";
      case BRAKE_CANCELLED -> "CJIB cancelled the brake";
    };
  }
}
