package nl.noodrem.app.config;

import java.util.Base64;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pseudonymizer and the sealer every module uses, from {@link PrivacyProperties}. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  @Bean
  BsnPseudonymizer bsnPseudonymizer(PrivacyProperties privacy) {
    return new BsnPseudonymizer(decode("noodrem.privacy.pseudonym-key", privacy.pseudonymKey()));
  }

  @Bean
  BsnSealer bsnSealer(PrivacyProperties privacy) {
    return new BsnSealer(decode("noodrem.privacy.sealing-key", privacy.sealingKey()));
  }

  private static byte[] decode(String property, String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(property + " is not set");
    }
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not base64", e);
    }
  }
}
