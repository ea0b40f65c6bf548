package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Polling a municipality's legacy table of debt-help status mutations.
 *
 * @param selectQuery returns the unprocessed rows with the columns the route reads (see README);
 *     named parameters only ({@code :#name}), never {@code ?} or {@code &}
 * @param markQuery run for each row once it is taken, with the row's columns as {@code :#COLUMN}
 */
@ConfigurationProperties("noodrem.legacy.debt-help-db")
public record DebtHelpDbProperties(
    boolean enabled,
    String jdbcUrl,
    String username,
    String password,
    long pollDelayMs,
    int maxRowsPerPoll,
    String selectQuery,
    String markQuery) {}
