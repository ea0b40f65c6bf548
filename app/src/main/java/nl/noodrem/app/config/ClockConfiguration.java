package nl.noodrem.app.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** One clock for the whole app (modules offer their own fallbacks for standalone use). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @Primary
  Clock clock() {
    return Clock.systemUTC();
  }
}
