package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CJIB's collection system: queues on the broker ({@code spring.artemis.*} says which broker) and its
 * database for the open-cases query.
 *
 * @param outboxRelayPeriodMs how often each node sends what waits in the outbox (left by a node that stopped
 *     between commit and send, or kept while the broker was down)
 * @param outboxClaimTimeoutMs how long a node's claim on an outbox row holds before another node may send it
 * @param brokerMaxDeliveryAttempts applied to the embedded broker only; an external broker is
 *     configured by its operators
 */
@ConfigurationProperties("noodrem.legacy.collection")
public record CollectionProperties(
    boolean enabled,
    String commandsQueue,
    String acksQueue,
    String caseEventsQueue,
    int concurrentConsumers,
    String jdbcUrl,
    String username,
    String password,
    int brokerMaxDeliveryAttempts,
    long brokerRedeliveryDelayMs,
    String brokerDeadLetterAddress,
    long outboxRelayPeriodMs,
    long outboxClaimTimeoutMs) {}
