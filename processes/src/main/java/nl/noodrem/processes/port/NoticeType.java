package nl.noodrem.processes.port;

/**
 * The messages a citizen finds in the portal's inbox, in Dutch (the citizen's language) and English. Placeholders
 * {@code {name}} are filled from {@link CitizenNotice#facts()}; facts never hold a BSN.
 */
public enum NoticeType {
  NO_OPEN_CASES(
      "U heeft bij het CJIB geen openstaande zaken. Er hoeft niets te worden uitgesteld. Kenmerk {reference}.",
      "You have no open cases at CJIB, so nothing needs to be held. Reference {reference}."),
  HOLD_PLACED(
      "Het CJIB int {caseCount|zaak|zaken} niet tot {holdEnd}: geen verhogingen, geen aanmaningen, geen deurwaarder. "
          + "Laat voor die datum met een bewijs van uw gemeente zien dat u schuldhulp krijgt; dan verlengen wij het "
          + "uitstel. Kenmerk {reference}.",
      "CJIB holds collection of {caseCount|case|cases} until {holdEnd}: no surcharges, reminders or bailiff. Show a "
          + "proof of debt help from your municipality before that date and we will extend the hold. "
          + "Reference {reference}."),
  HOLD_EXTENDED(
      "Uw bewijs van schuldhulp is ontvangen. Het uitstel loopt nu tot {holdEnd}. Kenmerk {reference}.",
      "Your proof of debt help was received. The hold now lasts until {holdEnd}. Reference {reference}."),
  NEW_CASE_HELD(
      "Een nieuwe zaak valt ook onder uw uitstel, tot {holdEnd}. Kenmerk {reference}.",
      "A new case is held too, until {holdEnd}. Reference {reference}."),
  GRACE_PERIOD_STARTED(
      "Uw gemeente meldt dat uw schuldhulp is gestopt. Het uitstel eindigt op {graceEnd}, tenzij u voor die datum "
          + "een nieuw bewijs van schuldhulp laat zien. Kenmerk {reference}.",
      "Your municipality reports that your debt help stopped. The hold ends on {graceEnd} unless you show a new "
          + "proof of debt help before then. Reference {reference}."),
  HOLD_LIFTED(
      "Het uitstel is beëindigd ({reasonNl}). Het CJIB int uw zaken weer. Kenmerk {reference}.",
      "The hold has ended ({reasonEn}). CJIB resumes collection of your cases. Reference {reference}."),
  PAYMENT_PLAN_OFFERED(
      "U kunt uw openstaande bedragen in termijnen betalen: een betalingsregeling van standaard {planMonths} maanden. "
          + "Vraag die aan in Mijn CJIB. Kenmerk {reference}.",
      "You can pay what you owe in instalments: a payment plan of {planMonths} months as standard. Apply in "
          + "My CJIB. Reference {reference}."),
  CREDENTIAL_READY(
      "Uw bewijs van schuldhulp staat klaar. Haal het op in uw digitale portemonnee voor {pickupBy}. "
          + "Kenmerk {reference}.",
      "Your proof of debt help is ready. Collect it into your wallet before {pickupBy}. Reference {reference}."),
  CREDENTIAL_NOT_COLLECTED(
      "U heeft uw bewijs van schuldhulp niet op tijd opgehaald. Vraag het opnieuw aan als u het nodig heeft. "
          + "Kenmerk {reference}.",
      "You did not collect your proof of debt help in time. Ask again if you need it. Reference {reference}."),
  NO_DEBT_HELP(
      "Uw gemeente heeft (nog) geen besluit genomen dat u schuldhulp krijgt, dus wij kunnen geen bewijs geven. "
          + "Neem contact op met de schuldhulpverlening van uw gemeente. Kenmerk {reference}.",
      "Your municipality has not (yet) decided to give you debt help, so we cannot issue a proof. Please contact "
          + "your municipality's debt-help service. Reference {reference}."),
  ISSUANCE_REFUSED(
      "Een schuldhulpverlener van uw gemeente heeft uw aanvraag bekeken en kan (nog) geen bewijs van schuldhulp "
          + "geven. Neem contact op met uw gemeente. Kenmerk {reference}.",
      "A debt counsellor of your municipality reviewed your request and cannot issue a proof of debt help (yet). "
          + "Please contact your municipality. Reference {reference}.");

  private final String dutchTemplate;
  private final String englishTemplate;

  NoticeType(String dutchTemplate, String englishTemplate) {
    this.dutchTemplate = dutchTemplate;
    this.englishTemplate = englishTemplate;
  }

  public String dutchTemplate() {
    return dutchTemplate;
  }

  public String englishTemplate() {
    return englishTemplate;
  }
}
