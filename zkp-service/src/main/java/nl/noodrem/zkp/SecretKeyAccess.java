package nl.noodrem.zkp;

/**
 * A token that must be passed to read or import secret key bytes in the clear.
 *
 * <p>It carries no capability of its own: its point is that every place where secret key material leaves its
 * wrapper calls {@link #insecureSecretAccess()}, so such places are easy to find in reviews and by grep.
 */
public final class SecretKeyAccess {

  private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

  private SecretKeyAccess() {}

  /** Acknowledges that the caller handles secret key bytes in the clear and is responsible for them. */
  public static SecretKeyAccess insecureSecretAccess() {
    return INSTANCE;
  }
}
