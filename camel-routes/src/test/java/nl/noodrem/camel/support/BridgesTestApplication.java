package nl.noodrem.camel.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest app that hosts the bridges in tests: auto-configuration plus a recording gateway. */
@SpringBootApplication
public class BridgesTestApplication {

  @Bean
  RecordingProcessGateway recordingProcessGateway() {
    return new RecordingProcessGateway();
  }
}
