package nl.noodrem.app.recheck;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly re-verification of held brakes against the chain's status lists ({@link NightlyStatusRecheck}).
 * When it runs is {@code noodrem.recheck.cron} (default {@code 0 30 1 * * *}, Europe/Amsterdam), read by the
 * scheduler itself.
 *
 * @param enabled whether this node runs it on its schedule; exactly one node of a cluster should (by default the
 *     batch node, see {@code application.yml})
 * @param pageSize how many waiting brakes are read from the engine per query
 */
@ConfigurationProperties("noodrem.recheck")
public record RecheckProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1000") int pageSize) {

  public RecheckProperties {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("noodrem.recheck.page-size must be between 1 and 1000, was " + pageSize);
    }
  }
}
