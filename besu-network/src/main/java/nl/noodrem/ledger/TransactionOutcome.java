package nl.noodrem.ledger;

/** A mined, successful transaction. */
public record TransactionOutcome(String transactionHash, long blockNumber, long gasUsed) {}
