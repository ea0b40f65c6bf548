package nl.noodrem.digid.testapp;

import jakarta.servlet.http.HttpSession;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.Html;
import nl.noodrem.digid.spring.DigidAccessDeniedHandler;
import nl.noodrem.digid.spring.DigidAuthenticationEntryPoint;
import nl.noodrem.digid.spring.DigidSecurityContextRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal app wired as the README tells the real app to wire the connector: its own SecurityFilterChain
 * with the connector's entry point, access-denied handler and context repository.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class DigidTestApplication {

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      DigidAuthenticationEntryPoint entryPoint,
      DigidAccessDeniedHandler accessDeniedHandler,
      DigidSecurityContextRepository contextRepository)
      throws Exception {
    http.securityContext(context -> context.securityContextRepository(contextRepository))
        .authorizeHttpRequests(authorize -> authorize
            .requestMatchers("/digid/**", "/digid-simulator/**", "/", "/public", "/error").permitAll()
            .requestMatchers("/brake/**").hasAuthority(DigidLevel.SUBSTANTIEEL.authority())
            .anyRequest().hasRole("CITIZEN"))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDeniedHandler))
        // the HTTP-POST binding posts cross-site into the simulator's SSO endpoint, as it would into DigiD;
        // the IdP's SOAP back channel is authenticated by its signature
        .csrf(csrf -> csrf.ignoringRequestMatchers("/digid-simulator/login", "/digid/slo/soap"))
        .logout(logout -> logout.disable());
    return http.build();
  }

  @RestController
  static class Pages {

    @GetMapping(value = {"/", "/public"}, produces = MediaType.TEXT_HTML_VALUE)
    String publicPage(@RequestParam(name = DigidMessages.FLAG_PARAMETER, required = false) String flag) {
      String message = DigidMessages.FLAG_CANCELLED.equals(flag) ? DigidMessages.CANCELLED
          : DigidMessages.FLAG_LOGGED_OUT.equals(flag) ? DigidMessages.LOGGED_OUT : "";
      return "<!DOCTYPE html><html lang=\"nl\"><body><h1>Publiek</h1><p id=\"message\">" + Html.escape(message) + "</p></body></html>";
    }

    @GetMapping(value = {"/brake", "/account"}, produces = MediaType.TEXT_HTML_VALUE)
    String protectedPage(@AuthenticationPrincipal AuthenticatedCitizen citizen, HttpSession session) {
      return "<!DOCTYPE html><html lang=\"nl\"><body><h1>Ingelogd</h1>"
          + "<p>BSN <span id=\"bsn\">" + citizen.bsn().digits() + "</span></p>"
          + "<p>Niveau <span id=\"level\">" + citizen.level() + "</span></p>"
          + "<p>Sessie <span id=\"idle\">" + session.getMaxInactiveInterval() + "</span></p></body></html>";
    }
  }
}
