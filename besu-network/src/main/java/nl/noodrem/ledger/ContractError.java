package nl.noodrem.ledger;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Solidity custom error decoded from revert data against the registries' ABIs, e.g.
 * {@code IndexOutOfRange(statusListId=3, statusIndex=5000, capacity=4096)}.
 *
 * @param name the error's name in the contracts ({@code UnauthorizedWriter})
 * @param arguments the arguments in declaration order
 */
public record ContractError(String name, List<Argument> arguments) {

  /**
   * One argument. Values are Java types: {@code uintN}/{@code intN} as {@link java.math.BigInteger},
   * {@code address} as a lower-case 0x-hex {@link String}, {@code bool} as {@link Boolean},
   * {@code string} as {@link String}, {@code bytes}/{@code bytesN} as {@code byte[]}.
   */
  public record Argument(String name, String solidityType, Object value) {
    public Argument {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(solidityType, "solidityType");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + "=" + render(value);
    }
  }

  public ContractError {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
  }

  /** The argument named {@code argumentName}. */
  public Optional<Object> argument(String argumentName) {
    return arguments.stream().filter(a -> a.name().equals(argumentName)).map(Argument::value).findFirst();
  }

  /** The argument values in order, for compact assertions. */
  public List<Object> values() {
    return arguments.stream().map(Argument::value).toList();
  }

  @Override
  public String toString() {
    return name + arguments.stream().map(Argument::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String render(Object value) {
    if (value instanceof byte[] bytes) {
      // OINs and key ids are ASCII on chain; show them readably, anything else as hex.
      String trimmed = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\u0000+$", "");
      boolean printable = !trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
      return printable ? "\"" + trimmed + "\"" : "0x" + HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }
}
