package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CJIB's collection system: queues on the broker ({@code spring.artemis.*} says which broker) and its
 * database for the open-cases query.
 *
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
    String brokerDeadLetterAddress) {}
