package nl.noodrem.app.staff;

import nl.noodrem.domain.Oin;

/** The Camunda groups the processes assign work to (see processes/README.md). */
public final class StaffGroups {

  public static final String CASE_OFFICERS = "cjib-case-officers";
  public static final String CJIB_OPERATIONS = "cjib-operations";
  public static final String NETWORK_ADMINS = "ministry-network-admins";
  public static final String PROCESS_OWNERS = "process-owners";

  private StaffGroups() {}

  /** Each municipality's counsellors have their own group, so no municipality sees another's cases. */
  public static String debtCounsellors(Oin municipality) {
    return "debt-counsellors-" + municipality.value();
  }
}
