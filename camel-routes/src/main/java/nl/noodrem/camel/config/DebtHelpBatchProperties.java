package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batch files of debt-help records, picked up from a local directory and/or an SFTP server.
 *
 * @param readLockMinAgeMs a file must be unchanged at least this long before it is taken
 * @param doneFileRequired take a file only once {@code <name>.done} exists beside it (for senders
 *     that write in place and then write the done-file)
 */
@ConfigurationProperties("noodrem.legacy.debt-help-batch")
public record DebtHelpBatchProperties(
    boolean enabled,
    boolean directoryEnabled,
    String directory,
    String charset,
    String includeExt,
    long pollDelayMs,
    long readLockMinAgeMs,
    long readLockCheckIntervalMs,
    long readLockTimeoutMs,
    boolean doneFileRequired,
    Sftp sftp) {

  /**
   * @param strictHostKeyChecking {@code yes} in production, with the server's key in {@code knownHostsFile}
   */
  public record Sftp(
      boolean enabled,
      String host,
      int port,
      String directory,
      String username,
      String password,
      String knownHostsFile,
      String strictHostKeyChecking) {}
}
