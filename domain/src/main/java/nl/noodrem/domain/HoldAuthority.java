package nl.noodrem.domain;

/**
 * Who sets a hold's end, which decides how far it may reach (see {@link HoldPeriod#ceiling(HoldAuthority)}).
 */
public enum HoldAuthority {
  /** The rule table alone (first hold, an extension nobody reviewed, an interim extension): at most 12 months. */
  RULES,
  /** A CJIB case officer who reviewed the brake, with a reason on record: at most 18 months. */
  CASE_OFFICER
}
