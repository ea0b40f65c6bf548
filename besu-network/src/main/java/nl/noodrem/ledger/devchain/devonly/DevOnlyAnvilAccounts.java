package nl.noodrem.ledger.devchain.devonly;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * DEV ONLY. The accounts Anvil funds at start, derived from its published default mnemonic. Their
 * private keys are printed by every Anvil and listed in Foundry's documentation: anything they
 * control is public. Never configure them for a real network.
 */
public final class DevOnlyAnvilAccounts {

  /** Anvil's (and Hardhat's) default mnemonic: public, for local chains only. */
  public static final String DEV_ONLY_MNEMONIC = "test test test test test test test test test test test junk";

  private static final int HARDENED = 0x80000000;

  private DevOnlyAnvilAccounts() {}

  /** Account {@code index} (m/44'/60'/0'/0/index), the same as Anvil's {@code (index)} at start. */
  public static Credentials account(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_ONLY_MNEMONIC, ""));
    int[] path = {44 | HARDENED, 60 | HARDENED, 0 | HARDENED, 0, index};
    return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
  }

  /** Account 0: deploys the registries and is the network admin of the dev chain. */
  public static Credentials networkAdmin() {
    return account(0);
  }

  /** The account of the {@code n}-th demo issuer (0-based): Anvil account n + 1. */
  public static Credentials issuer(int n) {
    return account(n + 1);
  }
}
