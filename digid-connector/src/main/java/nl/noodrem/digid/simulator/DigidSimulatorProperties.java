package nl.noodrem.digid.simulator;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DEV ONLY. {@code noodrem.digid.simulator.*}. The simulator runs only when the Spring profile {@code dev}
 * is active AND {@code enabled} is true, and refuses to start next to a {@code prod} profile.
 *
 * @param keyDirectory where the generated dev keys and the IdP metadata file live (git-ignored)
 * @param artifactResolutionPort the mutual-TLS SOAP port; 0 picks a free one
 * @param host the host name in the artifact resolution URL and the TLS certificate
 * @param baseUrl where the simulator's login page is reached; defaults to {@code noodrem.digid.base-url}
 * @param entityId defaults to {@code <baseUrl>/digid-simulator/metadata}
 * @param testBsns offered on the login page (all pass the 11-proof); free entry is possible too
 */
@ConfigurationProperties("noodrem.digid.simulator")
public record DigidSimulatorProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue(".noodrem/dev/digid-simulator") String keyDirectory,
    @DefaultValue("9443") int artifactResolutionPort,
    @DefaultValue("localhost") String host,
    String baseUrl,
    String entityId,
    @DefaultValue({"999993653", "999990019", "111222333", "999991772", "999998456", "900212640", "123456782"}) List<String> testBsns) {}
