package nl.noodrem.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.StatusRevokedEvent;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

/**
 * The subscription against a scripted node that answers what real nodes may answer in edge cases:
 * a log twice in one response, logs out of order, removed logs, logs of other contracts.
 */
class ScriptedNodeSubscriptionTest {

  static final String REGISTRY = "0x5fc8d32690cc91d4c13d7d2e8cf3b64d1b1b0aa1";
  static final String OTHER = "0x0000000000000000000000000000000000000bad";
  static final String TOPIC = EventEncoder.encode(StatusListRegistry.STATUSREVOKED_EVENT);
  static final String OIN = "00000001002220647000";

  @TempDir
  Path dir;

  @Test
  void pollOnce_duplicatedUnorderedRemovedAndForeignLogs_eachRealEventOnceInOrder() {
    ScriptedNode node = new ScriptedNode(12);
    node.logs.add(log(REGISTRY, 5, 1, 1, 40, false));
    node.logs.add(log(REGISTRY, 3, 0, 1, 10, false));
    node.logs.add(log(REGISTRY, 5, 0, 1, 30, false));
    node.logs.add(log(REGISTRY, 3, 0, 1, 10, false)); // the same log again
    node.logs.add(log(REGISTRY, 4, 2, 1, 20, true)); // removed by a reorganisation
    node.logs.add(log(OTHER, 4, 3, 1, 99, false)); // another contract's log that a lax node returned
    List<StatusRevokedEvent> delivered = new ArrayList<>();
    Ledger ledger = new Ledger(Web3j.build(node), AddressBook.of(
        "0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002", REGISTRY),
        LedgerOptions.DEFAULT);
    StatusEventSubscription subscription = new StatusEventSubscription(ledger,
        new FileCheckpointStore(dir.resolve("cp")), delivered::add, SubscriptionOptions.DEFAULT.withMaxBlocksPerQuery(4));

    assertThat(subscription.pollOnce()).isEqualTo(3);

    assertThat(delivered).extracting(StatusRevokedEvent::statusIndex).containsExactly(10L, 30L, 40L);
    assertThat(delivered.get(0).issuerOin().value()).isEqualTo(OIN);
    assertThat(delivered.get(0).blockTime()).isEqualTo(java.time.Instant.ofEpochSecond(1_700_000_003L));
    assertThat(node.getLogsRanges).containsExactly("0x0-0x3", "0x4-0x7", "0x8-0xb", "0xc-0xc");

    // The next poll starts at the checkpoint: only the new event comes.
    node.head = 13;
    node.logs.add(log(REGISTRY, 13, 0, 1, 50, false));
    assertThat(subscription.pollOnce()).isEqualTo(1);
    assertThat(delivered).extracting(StatusRevokedEvent::statusIndex).containsExactly(10L, 30L, 40L, 50L);
  }

  private static String log(String address, long block, long logIndex, long list, long index, boolean removed) {
    String oinTopic = "0x" + HexFormat.of().formatHex(OIN.getBytes(StandardCharsets.US_ASCII)) + "0".repeat(24);
    return "{\"address\":\"" + address + "\",\"blockNumber\":\"0x" + Long.toHexString(block)
        + "\",\"blockHash\":\"" + hash(block) + "\",\"transactionHash\":\"" + hash(1000 + block * 10 + logIndex)
        + "\",\"transactionIndex\":\"0x0\",\"logIndex\":\"0x" + Long.toHexString(logIndex) + "\",\"removed\":" + removed
        + ",\"data\":\"0x\",\"topics\":[\"" + TOPIC + "\",\"" + word(list) + "\",\"" + word(index) + "\",\""
        + oinTopic + "\"]}";
  }

  private static String word(long value) {
    return String.format(Locale.ROOT, "0x%064x", value);
  }

  private static String hash(long n) {
    return String.format(Locale.ROOT, "0x%064x", 0xabc000L + n);
  }

  /** Answers the few JSON-RPC methods the ledger and the subscription use, from a script. */
  static final class ScriptedNode implements Web3jService {
    private final ObjectMapper mapper = ObjectMapperFactory.getObjectMapper();
    final List<String> logs = new ArrayList<>();
    final List<String> getLogsRanges = new ArrayList<>();
    long head;

    ScriptedNode(long head) {
      this.head = head;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      String result = switch (request.getMethod()) {
        case "eth_chainId" -> "\"0x7a69\"";
        case "eth_gasPrice" -> "\"0x0\"";
        case "eth_blockNumber" -> "\"0x" + Long.toHexString(head) + "\"";
        case "eth_getBlockByNumber" -> {
          String number = (String) request.getParams().get(0);
          yield "{\"number\":\"" + number + "\",\"hash\":\"" + hash(Long.decode(number))
              + "\",\"timestamp\":\"0x" + Long.toHexString(1_700_000_000L + Long.decode(number)) + "\",\"transactions\":[]}";
        }
        case "eth_getLogs" -> getLogs((org.web3j.protocol.core.methods.request.EthFilter) request.getParams().get(0));
        default -> throw new IOException("not scripted: " + request.getMethod());
      };
      return mapper.readValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}", responseType);
    }

    private String getLogs(org.web3j.protocol.core.methods.request.EthFilter filter) throws IOException {
      String from = filter.getFromBlock().getValue();
      String to = filter.getToBlock().getValue();
      getLogsRanges.add(from + "-" + to);
      long f = Long.decode(from);
      long t = Long.decode(to);
      List<String> inRange = new ArrayList<>();
      for (String log : logs) {
        long block = mapper.readTree(log).get("blockNumber").asText().transform(Long::decode);
        if (block >= f && block <= t) {
          inRange.add(log);
        }
      }
      return "[" + String.join(",", inRange) + "]";
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batchRequest) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T extends Notification<?>> io.reactivex.Flowable<T> subscribe(Request request, String unsubscribeMethod,
        Class<T> responseType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
