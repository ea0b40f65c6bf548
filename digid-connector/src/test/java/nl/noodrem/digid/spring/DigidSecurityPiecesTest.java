package nl.noodrem.digid.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.domain.Bsn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** The Spring Security parts: authorities, absolute session expiry, entry point and step-up. */
class DigidSecurityPiecesTest {

  private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

  private final DigidLevelPolicy policy =
      new DigidLevelPolicy(DigidLevel.SUBSTANTIEEL, Map.of("brake", DigidLevel.SUBSTANTIEEL, "inzage", DigidLevel.MIDDEN),
          Map.of("/brake/**", DigidLevel.SUBSTANTIEEL, "/brake/hoog/**", DigidLevel.HOOG, "/account/**", DigidLevel.BASIS));

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  private static DigidAuthentication authentication(DigidLevel level, Instant expiry) {
    return new DigidAuthentication(new AuthenticatedCitizen(Bsn.of("999993653"), level, expiry));
  }

  @Test
  void authorities_levelSubstantieel_includesLowerLevelsAndCitizenRole() {
    assertThat(authentication(DigidLevel.SUBSTANTIEEL, NOW).getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_CITIZEN", "DIGID_LEVEL_BASIS", "DIGID_LEVEL_MIDDEN", "DIGID_LEVEL_SUBSTANTIEEL");
  }

  @Test
  void getName_neverTheBsn() {
    DigidAuthentication authentication = authentication(DigidLevel.HOOG, NOW);
    assertThat(authentication.getName()).doesNotContain("999993653");
    assertThat(authentication.toString()).doesNotContain("999993653");
    assertThat(authentication.isAuthenticated()).isTrue();
  }

  @Test
  void loadDeferredContext_beforeAbsoluteExpiry_keepsTheCitizen() {
    MockHttpServletRequest request = requestWithSession(authentication(DigidLevel.HOOG, NOW.plusSeconds(1)));
    SecurityContext context = new DigidSecurityContextRepository(Clock.fixed(NOW, ZoneOffset.UTC)).loadDeferredContext(request).get();
    assertThat(context.getAuthentication()).isInstanceOf(DigidAuthentication.class);
  }

  @Test
  void loadDeferredContext_afterAbsoluteExpiry_endsTheSession() {
    MockHttpServletRequest request = requestWithSession(authentication(DigidLevel.HOOG, NOW));
    MockHttpSession session = (MockHttpSession) request.getSession(false);

    var deferred = new DigidSecurityContextRepository(Clock.fixed(NOW, ZoneOffset.UTC)).loadDeferredContext(request);

    assertThat(deferred.get().getAuthentication()).isNull();
    assertThat(deferred.isGenerated()).isTrue();
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void resolve_levelNameOrUseOrNothing_givesTheConfiguredLevel() {
    assertThat(policy.resolve("hoog")).isEqualTo(DigidLevel.HOOG);
    assertThat(policy.resolve("inzage")).isEqualTo(DigidLevel.MIDDEN);
    assertThat(policy.resolve(null)).isEqualTo(DigidLevel.SUBSTANTIEEL);
    assertThat(policy.resolve("nonsense")).isEqualTo(DigidLevel.SUBSTANTIEEL);
  }

  @Test
  void levelForPath_overlappingPatterns_highestWins() {
    assertThat(policy.levelForPath("/brake/hoog/x")).contains(DigidLevel.HOOG);
    assertThat(policy.levelForPath("/brake")).contains(DigidLevel.SUBSTANTIEEL);
    assertThat(policy.levelForPath("/elsewhere")).isEmpty();
  }

  @Test
  void commence_htmlRequest_redirectsToLoginWithReturnPathAndLevel() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/brake/hoog/1");
    request.setContextPath("/app");
    request.setQueryString("a=1");
    request.addHeader("Accept", "text/html");
    MockHttpServletResponse response = new MockHttpServletResponse();

    new DigidAuthenticationEntryPoint(policy, "/").commence(request, response, new InsufficientAuthenticationException("x"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/app/digid/login?returnTo=%2Fapp%2Fbrake%2Fhoog%2F1%3Fa%3D1&level=HOOG");
  }

  @Test
  void commence_jsonRequest_gets401() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/brakes");
    request.addHeader("Accept", "application/json");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAuthenticationEntryPoint(policy, "/").commence(request, response, new InsufficientAuthenticationException("x"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getRedirectedUrl()).isNull();
  }

  @Test
  void commence_justCancelled_goesToCancelLandingInsteadOfDigid() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/brake");
    request.setParameter("digid", "geannuleerd");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAuthenticationEntryPoint(policy, "/start").commence(request, response, new InsufficientAuthenticationException("x"));
    assertThat(response.getRedirectedUrl()).isEqualTo("/start?digid=geannuleerd");
  }

  @Test
  void handle_lowerLevelThanPathNeeds_stepsUp() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(authentication(DigidLevel.MIDDEN, NOW.plus(Duration.ofHours(1))));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/brake");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAccessDeniedHandler(policy).handle(request, response, new AccessDeniedException("x"));
    assertThat(response.getRedirectedUrl()).isEqualTo("/digid/login?returnTo=%2Fbrake&level=SUBSTANTIEEL");
  }

  @Test
  void handle_levelHighEnoughButOtherwiseDenied_is403() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(authentication(DigidLevel.HOOG, NOW.plus(Duration.ofHours(1))));
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAccessDeniedHandler(policy).handle(new MockHttpServletRequest("GET", "/brake"), response, new AccessDeniedException("x"));
    assertThat(response.getStatus()).isEqualTo(403);
  }

  @Test
  void handle_lowerLevelOnAnApi_gets401StepUpChallengeNamingLevelAndLogin() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(authentication(DigidLevel.BASIS, NOW.plus(Duration.ofHours(1))));
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/brake/api/pull");
    request.addHeader("Accept", "application/json");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAccessDeniedHandler(policy).handle(request, response, new AccessDeniedException("x"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate"))
        .isEqualTo("DigiD error=\"insufficient_user_authentication\", level=\"SUBSTANTIEEL\", login=\"/digid/login?returnTo=%2F&level=SUBSTANTIEEL\"");
  }

  @Test
  void handle_lowerLevelPostingAPage_stepsUpReturningToTheStart() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(authentication(DigidLevel.MIDDEN, NOW.plus(Duration.ofHours(1))));
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAccessDeniedHandler(policy).handle(new MockHttpServletRequest("POST", "/brake/pull"), response, new AccessDeniedException("x"));
    assertThat(response.getRedirectedUrl()).isEqualTo("/digid/login?returnTo=%2F&level=SUBSTANTIEEL");
  }

  @Test
  void handle_stepUpJustCancelled_goesToCancelLandingInsteadOfDigid() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(authentication(DigidLevel.MIDDEN, NOW.plus(Duration.ofHours(1))));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/brake");
    request.setParameter("digid", "geannuleerd");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DigidAccessDeniedHandler(policy, "/start").handle(request, response, new AccessDeniedException("x"));
    assertThat(response.getRedirectedUrl()).isEqualTo("/start?digid=geannuleerd");
  }

  @Test
  void levelForLogin_requestedBelowTheReturnPathsMinimum_isRaised() {
    assertThat(policy.levelForLogin("BASIS", "/brake/x?y=1")).isEqualTo(DigidLevel.SUBSTANTIEEL);
    assertThat(policy.levelForLogin("inzage", "/brake/hoog/x")).isEqualTo(DigidLevel.HOOG);
    assertThat(policy.levelForLogin("HOOG", "/brake")).as("raising is allowed").isEqualTo(DigidLevel.HOOG);
    assertThat(policy.levelForLogin("BASIS", "/elders")).as("no minimum").isEqualTo(DigidLevel.BASIS);
    assertThat(policy.levelForLogin(null, "/account")).as("default level, not the path's lower one").isEqualTo(DigidLevel.SUBSTANTIEEL);
  }

  @Test
  void loadDeferredContext_sessionEndedBySingleLogout_endsTheSession() {
    MockHttpServletRequest request = requestWithSession(authentication(DigidLevel.HOOG, NOW.plus(Duration.ofHours(1))));
    MockHttpSession session = (MockHttpSession) request.getSession();
    SecurityContext context =
        new DigidSecurityContextRepository(Clock.fixed(NOW, ZoneOffset.UTC), citizen -> true).loadDeferredContext(request).get();
    assertThat(context.getAuthentication()).isNull();
    assertThat(session.isInvalid()).isTrue();
  }

  private static MockHttpServletRequest requestWithSession(DigidAuthentication authentication) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/brake");
    MockHttpSession session = new MockHttpSession();
    session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(authentication));
    request.setSession(session);
    return request;
  }
}
