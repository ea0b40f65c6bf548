package nl.noodrem.ledger.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * Generates what a four-validator Besu QBFT network needs and must never be committed: validator node
 * keys, the transaction accounts of the ministry and the municipalities, and everything derived from
 * their public halves: the genesis file (QBFT extraData with the validators, zero base fee), the
 * node and account allowlists ({@code permissions_config.toml}) and an env file for the app.
 *
 * <p>It does what {@code besu operator generate-blockchain-config} does for keys and extraData, for
 * machines where Besu cannot be installed (like the one this project is built on).
 *
 * <p>Usage: {@code QbftNetworkGenerator <outDir> [chainId] [name=host:p2pPort:rpcPort ...]}. Without
 * nodes it lays the four validators out on one machine (loopback, ports 30303-30306 and 8545-8548).
 */
public final class QbftNetworkGenerator {

  /** A validator node: its name (the organisation running it), where it listens for peers and for JSON-RPC. */
  public record NodeSpec(String name, String host, int p2pPort, int rpcPort) {
    public NodeSpec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(host, "host");
      if (!name.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("node names are lower-case letters, digits and dashes: " + name);
      }
    }
  }

  /** The four validators of the Noodrem network, all on this machine. */
  public static final List<NodeSpec> LOCAL_NODES = List.of(
      new NodeSpec("cjib", "127.0.0.1", 30303, 8545),
      new NodeSpec("ministry", "127.0.0.1", 30304, 8546),
      new NodeSpec("gemeente-utrecht", "127.0.0.1", 30305, 8547),
      new NodeSpec("gemeente-amsterdam", "127.0.0.1", 30306, 8548));

  /** Organisations that send transactions: the network admin and the issuers. CJIB only reads. */
  public static final List<String> TRANSACTING_ORGANISATIONS = List.of("ministry", "gemeente-utrecht", "gemeente-amsterdam");

  /** A private chain id, distinct from public networks. */
  public static final long DEFAULT_CHAIN_ID = 13_372_026L;

  /** QBFT's fixed mixHash ("ctical byzantine fault tolerance"). */
  static final String QBFT_MIX_HASH = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

  private static final Pattern NODE_ARG = Pattern.compile("([a-z0-9-]+)=([^:]+):(\\d+):(\\d+)");

  /** The public result, also written to {@code network.json}. */
  public record Generated(long chainId, List<Node> nodes, List<Account> accounts, String extraData) {}

  public record Node(NodeSpec spec, String address, String enode) {}

  public record Account(String organisation, String address) {}

  private QbftNetworkGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: QbftNetworkGenerator <outDir> [chainId] [name=host:p2pPort:rpcPort ...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long chainId = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_CHAIN_ID;
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      Matcher m = NODE_ARG.matcher(args[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException("node must be name=host:p2pPort:rpcPort, got " + args[i]);
      }
      nodes.add(new NodeSpec(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }
    Generated generated = generate(out, chainId, nodes.isEmpty() ? LOCAL_NODES : nodes);
    System.out.println("generated a " + generated.nodes().size() + "-validator QBFT network (chain id " + chainId
        + ") in " + out.toAbsolutePath());
    for (Node node : generated.nodes()) {
      System.out.println("  validator " + node.spec().name() + " " + node.address());
    }
    for (Account account : generated.accounts()) {
      System.out.println("  account   " + account.organisation() + " " + account.address());
    }
  }

  /**
   * Writes keys, genesis, allowlists, static peers and the app env file into {@code out}. A node key that
   * already exists in {@code out/<node>/key} is used as it is; a network that has a genesis is refused.
   */
  public static Generated generate(Path out, long chainId, List<NodeSpec> specs) throws IOException {
    if (specs.size() < 4) {
      throw new IllegalArgumentException("QBFT tolerates f faulty validators with 3f+1 nodes: use at least 4");
    }
    if (Files.exists(out.resolve("genesis.json"))) {
      throw new IllegalStateException(out + " already holds a network; keys are never overwritten. Remove it first.");
    }
    Files.createDirectories(out);
    List<Node> nodes = new ArrayList<>();
    for (NodeSpec spec : specs) {
      Path dir = out.resolve(spec.name());
      Files.createDirectories(dir);
      Path keyFile = dir.resolve("key");
      ECKeyPair key;
      if (Files.exists(keyFile)) {
        // a key made elsewhere (e.g. by `besu operator generate-blockchain-config`): use it, never replace it
        key = Credentials.create(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()).getEcKeyPair();
      } else {
        key = newKey();
        writeSecret(keyFile, Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64));
      }
      String publicKey = Numeric.toHexStringNoPrefixZeroPadded(key.getPublicKey(), 128);
      Files.writeString(dir.resolve("key.pub"), "0x" + publicKey);
      nodes.add(new Node(spec, "0x" + Keys.getAddress(key.getPublicKey()),
          "enode://" + publicKey + "@" + spec.host() + ":" + spec.p2pPort()));
    }
    List<Account> accounts = new ArrayList<>();
    Files.createDirectories(out.resolve("accounts"));
    for (String organisation : TRANSACTING_ORGANISATIONS) {
      ECKeyPair key = newKey();
      writeSecret(out.resolve("accounts").resolve(organisation + ".key"),
          Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64));
      accounts.add(new Account(organisation, "0x" + Keys.getAddress(key.getPublicKey())));
    }
    String extraData = extraData(nodes.stream().map(Node::address).toList());
    Generated generated = new Generated(chainId, nodes, accounts, extraData);

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(out.resolve("genesis.json"), json.writeValueAsString(genesis(json, generated)));
    String permissions = permissions(generated);
    for (Node node : nodes) {
      Files.writeString(out.resolve(node.spec().name()).resolve("permissions_config.toml"), permissions);
    }
    Files.writeString(out.resolve("static-nodes.json"),
        json.writeValueAsString(nodes.stream().map(Node::enode).toList()));
    Files.writeString(out.resolve("network.json"), json.writeValueAsString(generated));
    writeSecret(out.resolve("app.env"), appEnv(generated, out));
    return generated;
  }

  /**
   * QBFT genesis extraData: RLP([32-byte vanity, [validator addresses], [] (no vote), round 0,
   * [] (no seals)]), the same bytes {@code besu rlp encode --type=QBFT_EXTRA_DATA} produces.
   */
  public static String extraData(List<String> validatorAddresses) {
    List<RlpType> validators = new ArrayList<>();
    for (String address : validatorAddresses) {
      validators.add(RlpString.create(Numeric.hexStringToByteArray(address)));
    }
    RlpList extra = new RlpList(
        RlpString.create(new byte[32]),
        new RlpList(validators),
        new RlpList(),
        RlpString.create(BigInteger.ZERO),
        new RlpList());
    return Numeric.toHexString(RlpEncoder.encode(extra));
  }

  static ObjectNode genesis(ObjectMapper json, Generated generated) {
    ObjectNode genesis = json.createObjectNode();
    ObjectNode config = genesis.putObject("config");
    config.put("chainId", generated.chainId());
    config.put("berlinBlock", 0);
    config.put("londonBlock", 0);
    // Free gas: the base fee stays 0 and nodes run with min-gas-price=0.
    config.put("zeroBaseFee", true);
    // Free-gas networks lift the contract size limit (Besu's free-gas guide): gas, not size, bounds work.
    config.put("contractSizeLimit", 2_147_483_647);
    ObjectNode qbft = config.putObject("qbft");
    qbft.put("blockperiodseconds", 2);
    qbft.put("epochlength", 30_000);
    qbft.put("requesttimeoutseconds", 4);
    genesis.put("nonce", "0x0");
    genesis.put("timestamp", "0x0");
    // High enough for a batch of 1,000 revocations (about 25 M gas in the worst case) in one block.
    genesis.put("gasLimit", "0x1fffffffffffff");
    genesis.put("difficulty", "0x1");
    genesis.put("mixHash", QBFT_MIX_HASH);
    genesis.put("coinbase", "0x0000000000000000000000000000000000000000");
    // Gas is free, so accounts need no balance; an allocation keeps tools that check balances quiet.
    ObjectNode alloc = genesis.putObject("alloc");
    for (Account account : generated.accounts()) {
      alloc.putObject(account.address().substring(2)).put("balance", "0x0");
    }
    genesis.put("extraData", generated.extraData());
    return genesis;
  }

  static String permissions(Generated generated) {
    StringBuilder toml = new StringBuilder();
    toml.append("# Generated by QbftNetworkGenerator. Only these nodes may connect, only these accounts may send.\n");
    toml.append("nodes-allowlist=[\n");
    for (Node node : generated.nodes()) {
      toml.append("  \"").append(node.enode()).append("\", # ").append(node.spec().name()).append('\n');
    }
    toml.append("]\n");
    toml.append("accounts-allowlist=[\n");
    for (Account account : generated.accounts()) {
      toml.append("  \"").append(account.address()).append("\", # ").append(account.organisation()).append('\n');
    }
    toml.append("]\n");
    return toml.toString();
  }

  static String appEnv(Generated generated, Path out) {
    Node ministry = generated.nodes().stream().filter(n -> n.spec().name().equals("ministry")).findFirst()
        .orElse(generated.nodes().get(0));
    StringBuilder env = new StringBuilder();
    env.append("# Secrets for the Noodrem app on this network. Keep out of version control.\n");
    env.append("NOODREM_CHAIN_URL=http://").append(ministry.spec().host()).append(':').append(ministry.spec().rpcPort())
        .append('\n');
    env.append("NOODREM_CHAIN_CHAIN_ID=").append(generated.chainId()).append('\n');
    for (Account account : generated.accounts()) {
      String variable = "NOODREM_CHAIN_ACCOUNTS_" + account.organisation().toUpperCase().replace('-', '_') + "_KEY";
      env.append(variable).append("_FILE=").append(out.toAbsolutePath().resolve("accounts")
          .resolve(account.organisation() + ".key")).append('\n');
    }
    env.append("# Fill in after deploying the registries (see README):\n");
    env.append("NOODREM_CHAIN_CONTRACTS_ISSUER_REGISTRY=\nNOODREM_CHAIN_CONTRACTS_SCHEMA_REGISTRY=\n")
        .append("NOODREM_CHAIN_CONTRACTS_STATUS_LIST_REGISTRY=\n");
    return env.toString();
  }

  private static ECKeyPair newKey() {
    try {
      return Keys.createEcKeyPair(); // SecureRandom, secp256k1
    } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException | NoSuchProviderException e) {
      throw new IllegalStateException("secp256k1 key generation unavailable", e);
    }
  }

  /** Writes a file only its owner may read (on POSIX file systems). */
  private static void writeSecret(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: rely on the directory's protection
    }
  }
}
