package nl.noodrem.app.citizen;

import java.util.Optional;
import nl.noodrem.app.chain.ChainConnection;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.IssuerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a municipality can issue a debt-help credential through Noodrem now, asked of the chain before a
 * credential request starts a process: an unaccredited or suspended issuer, or one this system holds no writing
 * account for, would only end in an incident with the citizen waiting for ever.
 */
@Component
public class IssuerAccreditation {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerAccreditation.class);

  /** The chain's answer for one OIN. */
  public enum Verdict {
    ACCREDITED(null, null),
    NOT_ACCREDITED("Deze gemeente kan via Noodrem geen schuldhulpbewijs uitgeven.",
        "This municipality cannot issue a proof of debt help through Noodrem."),
    SUSPENDED("Deze gemeente kan tijdelijk geen schuldhulpbewijs uitgeven. Neem contact op met de gemeente.",
        "This municipality cannot issue a proof of debt help at the moment. Please contact the municipality."),
    CHAIN_UNAVAILABLE("Dit kan nu even niet worden nagegaan. Probeer het later opnieuw.",
        "This cannot be checked right now. Please try again later.");

    private final String dutch;
    private final String english;

    Verdict(String dutch, String english) {
      this.dutch = dutch;
      this.english = english;
    }

    public String dutch() {
      return dutch;
    }

    public String english() {
      return english;
    }
  }

  private final ChainConnection chain;

  public IssuerAccreditation(ChainConnection chain) {
    this.chain = chain;
  }

  /** Reads the issuer registry; a chain that cannot be read is {@link Verdict#CHAIN_UNAVAILABLE}, never a yes. */
  public Verdict of(Oin issuer) {
    Optional<IssuerInfo> info;
    try {
      info = chain.ledger().issuer(issuer);
    } catch (RuntimeException e) {
      LOG.warn("the issuer registry could not be read for a credential request: {}", e.getMessage());
      return Verdict.CHAIN_UNAVAILABLE;
    }
    if (info.isEmpty() || !chain.issuerAccounts().containsKey(issuer)) {
      return Verdict.NOT_ACCREDITED;
    }
    return info.get().active() ? Verdict.ACCREDITED : Verdict.SUSPENDED;
  }
}
