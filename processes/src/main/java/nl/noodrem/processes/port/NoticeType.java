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
  PULL_REFUSED(
      "Uw vorige noodrem eindigde minder dan 12 maanden geleden zonder bewijs van schuldhulp. Een medewerker van het "
          + "CJIB heeft uw zaken bekeken en houdt de inning nu niet aan. Vraag schuldhulp bij uw gemeente, of vraag in "
          + "Mijn CJIB een betalingsregeling aan. Kenmerk {reference}.",
      "Your previous brake ended less than 12 months ago without a proof of debt help. A CJIB case officer looked at "
          + "your cases and does not hold collection now. Ask your municipality for debt help, or apply for a "
          + "payment plan in My CJIB. Reference {reference}."),
  HOLD_EXTENDED(
      "Uw bewijs van schuldhulp is ontvangen. Het uitstel loopt nu tot {holdEnd}. Kenmerk {reference}.",
      "Your proof of debt help was received. The hold now lasts until {holdEnd}. Reference {reference}."),
  CASES_NOT_HELD(
      "Het CJIB kon deze zaken niet aanhouden: {rejectedCasesText} ({rejectionReason}). Uw andere zaken blijven "
          + "aangehouden. Een medewerker van het CJIB kijkt ernaar. Kenmerk {reference}.",
      "CJIB could not hold these cases: {rejectedCasesText} ({rejectionReason}). Your other cases stay held. A CJIB "
          + "employee is looking into it. Reference {reference}."),
  HOLD_EXTENDED_MUNICIPALITY_DECIDING(
      "Uw gemeente heeft nog niet besloten over uw schuldhulp. Dat houden wij u niet tegen: het uitstel loopt nu tot "
          + "{holdEnd}. Laat voor die datum uw bewijs van schuldhulp zien. Kenmerk {reference}.",
      "Your municipality has not decided on your debt help yet. We do not hold that against you: the hold now lasts "
          + "until {holdEnd}. Show your proof of debt help before that date. Reference {reference}."),
  HOLD_ENDS_SOON(
      "Uw uitstel eindigt op {holdEnd}. Daarna int het CJIB uw zaken weer. Heeft u schuldhulp of een nieuw bewijs "
          + "daarvan, laat het dan voor die datum zien. Kenmerk {reference}.",
      "Your hold ends on {holdEnd}. After that CJIB resumes collection. If you have debt help or a new proof of it, "
          + "show it before that date. Reference {reference}."),
  HOLD_END_CORRECTED(
      "Het CJIB heeft de einddatum van uw uitstel aangepast. Het uitstel loopt nu tot {holdEnd}. Kenmerk {reference}.",
      "CJIB corrected the end date of your hold. The hold now lasts until {holdEnd}. Reference {reference}."),
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
  ISSUANCE_STOPPED(
      "Uw gemeente meldt dat uw schuldhulp is gestopt. Daarom krijgt u geen bewijs van schuldhulp; een bewijs dat "
          + "klaarstond kunt u niet meer ophalen. Kenmerk {reference}.",
      "Your municipality reports that your debt help stopped, so no proof of debt help is issued; a proof that was "
          + "ready can no longer be collected. Reference {reference}."),
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
