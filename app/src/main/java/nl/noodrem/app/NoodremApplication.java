package nl.noodrem.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Noodrem application: process engine, webapps, citizen portal, routes and chain client in one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NoodremApplication {

  public static void main(String[] args) {
    SpringApplication.run(NoodremApplication.class, args);
  }
}
