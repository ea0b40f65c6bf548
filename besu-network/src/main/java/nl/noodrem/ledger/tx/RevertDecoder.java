package nl.noodrem.ledger.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.ledger.ContractError;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Names a revert: the 4-byte selector at the start of the revert data is looked up among every custom
 * error of every registry (errors bubble up through cross-contract calls, so the called contract's own
 * ABI is not enough), and the rest is ABI-decoded into the error's arguments. Also knows Solidity's
 * built-in {@code Error(string)} and {@code Panic(uint256)}.
 */
public final class RevertDecoder {

  /** The ABI of all custom errors, written by the contract build next to the wrappers. */
  public static final String ERRORS_RESOURCE = "/nl/noodrem/ledger/contracts/all.errors.json";

  private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]{8,}");

  private record ErrorAbi(String name, List<String> argumentNames, List<String> argumentTypes) {}

  private final Map<String, ErrorAbi> bySelector;

  private RevertDecoder(Map<String, ErrorAbi> bySelector) {
    this.bySelector = Map.copyOf(bySelector);
  }

  /** The decoder for the Noodrem registries, from the ABI bundled in this module's jar. */
  public static RevertDecoder forRegistries() {
    try (InputStream in = RevertDecoder.class.getResourceAsStream(ERRORS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ERRORS_RESOURCE + " missing: the contracts were not compiled into this jar");
      }
      return fromAbi(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A decoder for the {@code type: error} entries of a JSON ABI array. */
  public static RevertDecoder fromAbi(JsonNode abi) {
    Map<String, ErrorAbi> map = new HashMap<>();
    map.put("0x08c379a0", new ErrorAbi("Error", List.of("message"), List.of("string")));
    map.put("0x4e487b71", new ErrorAbi("Panic", List.of("code"), List.of("uint256")));
    for (JsonNode item : abi) {
      if (!"error".equals(item.path("type").asText())) {
        continue;
      }
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (JsonNode input : item.path("inputs")) {
        names.add(input.path("name").asText());
        types.add(input.path("type").asText());
      }
      String signature = item.path("name").asText() + "(" + String.join(",", types) + ")";
      String selector = Hash.sha3String(signature).substring(0, 10);
      ErrorAbi previous = map.put(selector, new ErrorAbi(item.path("name").asText(), names, types));
      if (previous != null && !previous.name().equals(item.path("name").asText())) {
        throw new IllegalStateException("two errors share selector " + selector);
      }
    }
    return new RevertDecoder(map);
  }

  /**
   * Decodes revert data ({@code 0x} + selector + arguments). Empty when there is no data or the
   * selector is not known.
   */
  public Optional<ContractError> decode(String revertData) {
    if (revertData == null) {
      return Optional.empty();
    }
    String hex = Numeric.cleanHexPrefix(revertData.trim());
    if (hex.length() < 8) {
      return Optional.empty();
    }
    ErrorAbi abi = bySelector.get("0x" + hex.substring(0, 8).toLowerCase(Locale.ROOT));
    if (abi == null) {
      return Optional.empty();
    }
    List<TypeReference<Type>> references = new ArrayList<>();
    try {
      for (String type : abi.argumentTypes()) {
        references.add(TypeReference.makeTypeReference(type));
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      List<Type> values = FunctionReturnDecoder.decode("0x" + hex.substring(8), (List) references);
      if (values.size() != references.size()) {
        return Optional.empty();
      }
      List<ContractError.Argument> arguments = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        arguments.add(new ContractError.Argument(
            abi.argumentNames().get(i), abi.argumentTypes().get(i), toJava(values.get(i))));
      }
      return Optional.of(new ContractError(abi.name(), arguments));
    } catch (ClassNotFoundException | RuntimeException e) {
      // Data that carries a known selector but does not decode is not that error: report it as unknown.
      return Optional.empty();
    }
  }

  /**
   * Finds revert data in a JSON-RPC error: nodes put it in {@code error.data}, either as a hex string
   * or inside an object; some only mention it in the message.
   */
  public static Optional<String> revertDataOf(String errorData, String errorMessage) {
    for (String candidate : new String[] {errorData, errorMessage}) {
      if (candidate == null) {
        continue;
      }
      Matcher m = HEX_DATA.matcher(candidate);
      if (m.find()) {
        return Optional.of(m.group());
      }
    }
    return Optional.empty();
  }

  private static Object toJava(Type<?> value) {
    Object raw = value.getValue();
    if (value instanceof Address address) {
      return address.getValue().toLowerCase(Locale.ROOT);
    }
    if (raw instanceof BigInteger || raw instanceof String || raw instanceof Boolean || raw instanceof byte[]) {
      return raw;
    }
    return String.valueOf(raw);
  }

  @Override
  public String toString() {
    return "RevertDecoder[" + bySelector.size() + " errors]";
  }
}
