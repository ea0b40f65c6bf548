package nl.noodrem.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;

/**
 * Loads a transaction account's private key (secp256k1, 32 bytes as hex, with or without {@code 0x}),
 * as the network generator writes them ({@code network/generated/accounts/*.key}) or as a secret
 * store hands them over. Error messages never repeat the key.
 */
public final class AccountKeys {

  private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  private AccountKeys() {}

  public static Credentials fromHex(String privateKeyHex) {
    String key = privateKeyHex == null ? "" : privateKeyHex.trim();
    if (!HEX_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("an account key must be 64 hex digits (optionally 0x-prefixed)");
    }
    return Credentials.create(key);
  }

  public static Credentials fromFile(Path file) {
    try {
      return fromHex(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read account key file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("account key file " + file + ": " + e.getMessage(), e);
    }
  }
}
