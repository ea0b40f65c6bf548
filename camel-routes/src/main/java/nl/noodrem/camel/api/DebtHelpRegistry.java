package nl.noodrem.camel.api;

import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;

/**
 * A municipality's legacy debt-help case system, asked "is there a Wgs decision for this BSN?".
 * Implemented by a Camel route calling the municipality's SOAP service (WSDL in this module).
 *
 * <p><b>Failure:</b> {@link DebtHelpRegistryException} when the municipality's system cannot be
 * reached or answers with a SOAP fault; a clear "no" is {@link WgsAnswer.None}, a record the system
 * itself marks as doubtful is {@link WgsAnswer.Unclear} (a debt counsellor decides).
 */
public interface DebtHelpRegistry {

  WgsAnswer lookup(Oin municipality, Bsn bsn) throws DebtHelpRegistryException;
}
