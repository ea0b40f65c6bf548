package nl.noodrem.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Hash;

/**
 * Looks for a BSN in bytes, in every encoding a careless contract call could put it on chain with:
 * ASCII and UTF-16 text, hex text of the ASCII, the number as big-endian bytes (so also inside a
 * uint256), and plain SHA-256 / keccak-256 hashes of the text and of the ABI-encoded number.
 */
final class BsnScanner {

  record Finding(String bsnMasked, String encoding, String where) {}

  private final Map<String, Map<String, byte[]>> patterns = new LinkedHashMap<>();

  BsnScanner(List<String> bsns) {
    for (String bsn : bsns) {
      Map<String, byte[]> p = new LinkedHashMap<>();
      byte[] ascii = bsn.getBytes(StandardCharsets.US_ASCII);
      byte[] number = new BigInteger(bsn).toByteArray(); // minimal big-endian: a uint256 ends with these bytes
      byte[] uint256 = new byte[32];
      System.arraycopy(number, 0, uint256, 32 - number.length, number.length);
      p.put("ascii", ascii);
      p.put("utf-16be", bsn.getBytes(StandardCharsets.UTF_16BE));
      p.put("utf-16le", bsn.getBytes(StandardCharsets.UTF_16LE));
      p.put("hex text of ascii", HexFormat.of().formatHex(ascii).getBytes(StandardCharsets.US_ASCII));
      p.put("number (big-endian)", number);
      p.put("sha-256(ascii)", sha256(ascii));
      p.put("keccak-256(ascii)", Hash.sha3(ascii));
      p.put("sha-256(uint256)", sha256(uint256));
      p.put("keccak-256(uint256)", Hash.sha3(uint256));
      p.put("hex text of sha-256(ascii)", HexFormat.of().formatHex(sha256(ascii)).getBytes(StandardCharsets.US_ASCII));
      patterns.put(bsn, p);
    }
  }

  /** Every encoding of every BSN found in {@code data}; {@code where} names the data in the findings. */
  List<Finding> scan(byte[] data, String where) {
    List<Finding> findings = new ArrayList<>();
    for (var bsn : patterns.entrySet()) {
      for (var encoding : bsn.getValue().entrySet()) {
        if (indexOf(data, encoding.getValue()) >= 0) {
          findings.add(new Finding(bsn.getKey().substring(0, 2) + "*****" + bsn.getKey().substring(7),
              encoding.getKey(), where));
        }
      }
    }
    return findings;
  }

  int encodingsPerBsn() {
    return patterns.values().iterator().next().size();
  }

  Map<String, byte[]> encodingsOf(String bsn) {
    return patterns.get(bsn);
  }

  static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "BsnScanner[" + patterns.size() + " BSNs x " + Arrays.asList(patterns.values().iterator().next().keySet()) + "]";
  }
}
