package nl.noodrem.camel.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.ledger.StatusRevokedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chain-status bridge and the shared error handling: redelivery, dead letters, replay, discard. */
class ChainStatusBridgeTest extends BridgeIntegrationTest {

  @Autowired
  ChainStatusInbox inbox;

  @Autowired
  DeadLetterService deadLetters;

  static CredentialStatusChanged change(String id) {
    return new CredentialStatusChanged(id, Instant.parse("2025-07-01T10:00:00Z"), 7, 42, true, 1234);
  }

  DeadLetter openDeadLetter(String sourceId) {
    return deadLetters.list(Bridge.CHAIN_STATUS, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> ("chain event " + sourceId).equals(d.sourceRef())).findFirst().orElseThrow();
  }

  @Test
  void receive_statusChange_isDeliveredAsIs() throws Exception {
    inbox.receive(change("chain/0xaa:1"));

    assertThat(gateway.events()).containsExactly(change("chain/0xaa:1"));
  }

  @Test
  void receive_sameEventTwice_isDeliveredOnce() throws Exception {
    inbox.receive(change("chain/0xbb:1"));
    inbox.receive(change("chain/0xbb:1"));

    assertThat(gateway.events()).hasSize(1);
    assertThat(gateway.attempts("chain/0xbb:1")).isEqualTo(1);
  }

  @Test
  void receive_gatewayFailsRetryablyTwice_isRedeliveredAndDelivered() throws Exception {
    gateway.failFor("chain/0xcc:1", 2, true);

    inbox.receive(change("chain/0xcc:1"));

    assertThat(gateway.attempts("chain/0xcc:1")).isEqualTo(3);
    assertThat(gateway.events()).containsExactly(change("chain/0xcc:1"));
  }

  @Test
  void receive_gatewayRefusesNonRetryably_isDeadLetteredAtOnce() throws Exception {
    gateway.failFor("chain/0xdd:1", Integer.MAX_VALUE, false);

    inbox.receive(change("chain/0xdd:1"));

    assertThat(gateway.attempts("chain/0xdd:1")).isEqualTo(1);
    DeadLetter letter = openDeadLetter("chain/0xdd:1");
    assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.DELIVERY_FAILED);
    assertThat(letter.reason()).contains("DeliveryException");
    assertThat(letter.routeId()).isEqualTo(ChainStatusRouteBuilder.ROUTE_ID);
  }

  @Test
  void receive_gatewayKeepsFailingRetryably_isDeadLetteredAfterAllRedeliveries() throws Exception {
    gateway.failFor("chain/0xee:1", Integer.MAX_VALUE, true);

    inbox.receive(change("chain/0xee:1"));

    assertThat(gateway.attempts("chain/0xee:1")).isEqualTo(1 + 3);
    assertThat(openDeadLetter("chain/0xee:1").attempts()).isEqualTo(4);
  }

  @Test
  void replay_stillFailing_staysOpenWithMoreAttempts_thenDeliveredOnceFixed() throws Exception {
    gateway.failFor("chain/0xff:1", 1 + 3 + 4, true); // the first run and the first replay fail
    inbox.receive(change("chain/0xff:1"));
    DeadLetter letter = openDeadLetter("chain/0xff:1");

    DeadLetterService.ReplayOutcome failed = deadLetters.replay(letter.id());

    assertThat(failed.delivered()).isFalse();
    assertThat(deadLetters.find(letter.id()).orElseThrow())
        .satisfies(d -> assertThat(d.status()).isEqualTo(DeadLetter.Status.OPEN))
        .satisfies(d -> assertThat(d.attempts()).isEqualTo(8));
    assertThat(deadLetters.list(Bridge.CHAIN_STATUS, DeadLetter.Status.OPEN, 1000).stream()
        .filter(d -> d.sourceRef().equals("chain event chain/0xff:1"))).hasSize(1);

    DeadLetterService.ReplayOutcome delivered = deadLetters.replay(letter.id());

    assertThat(delivered.delivered()).isTrue();
    assertThat(gateway.events()).containsExactly(change("chain/0xff:1"));
    assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetter.Status.REPLAYED);
  }

  @Test
  void discard_openDeadLetter_isNoLongerListedAsOpen() throws Exception {
    gateway.failFor("chain/0x11:1", Integer.MAX_VALUE, false);
    inbox.receive(change("chain/0x11:1"));
    DeadLetter letter = openDeadLetter("chain/0x11:1");

    assertThat(deadLetters.discard(letter.id(), "revocation handled by hand")).isTrue();

    assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetter.Status.DISCARDED);
    assertThat(deadLetters.discard(letter.id(), "again")).isFalse();
    assertThat(deadLetters.list(Bridge.CHAIN_STATUS, DeadLetter.Status.OPEN, 1000))
        .noneMatch(d -> d.id() == letter.id());
  }

  @Test
  void ledgerConsumer_revokedEvent_becomesCredentialStatusChanged() throws Exception {
    Instant blockTime = Instant.parse("2025-08-01T12:00:00Z");
    LedgerStatusEventConsumer consumer = new LedgerStatusEventConsumer(inbox);

    consumer.accept(revoked(java.util.Map.of("statusListId", 3L, "statusIndex", 17L,
        "issuerOin", Oin.of("00000001999990001000"), "blockNumber", 99L, "blockHash", "0xblock",
        "blockTime", blockTime, "transactionHash", "0xtx", "logIndex", 2L)));

    assertThat(gateway.events()).containsExactly(new CredentialStatusChanged("0xtx:2", blockTime, 3, 17, true, 99));
  }

  /**
   * Builds the ledger's event by component name, so that this test keeps compiling while besu-network
   * adds components to the record (a component not given here is refused).
   */
  static StatusRevokedEvent revoked(java.util.Map<String, Object> values) throws Exception {
    var components = StatusRevokedEvent.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = values.get(components[i].getName());
      if (args[i] == null) {
        throw new IllegalArgumentException("no test value for StatusRevokedEvent." + components[i].getName());
      }
    }
    return StatusRevokedEvent.class.getDeclaredConstructor(types).newInstance(args);
  }
}
