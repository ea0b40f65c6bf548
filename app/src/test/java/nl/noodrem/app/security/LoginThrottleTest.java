package nl.noodrem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed staff logins slow down the source that fails, never the account. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2030-01-01T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final LoginThrottle throttle = new LoginThrottle(new StaffProperties.Login(3, 5, Duration.ofMinutes(15), 100), clock);

  @Test
  void waitBefore_belowTheLimit_mayTry() {
    throttle.failed("10.0.0.1", "admin");
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEmpty();
  }

  @Test
  void waitBefore_limitReachedForUserFromAddress_waitsUntilTheOldestFailureLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1", "admin");
      now = now.plusSeconds(60);
    }
    assertThat(throttle.waitBefore("10.0.0.1", "Admin")).contains(Duration.ofMinutes(12));
    now = now.plus(Duration.ofMinutes(12));
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEmpty();
  }

  @Test
  void waitBefore_anotherAddress_isNotSlowedDown() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.66", "admin");
    }
    assertThat(throttle.waitBefore("10.0.0.66", "admin")).isPresent();
    assertThat(throttle.waitBefore("10.0.0.2", "admin")).as("the account is not locked").isEmpty();
  }

  @Test
  void waitBefore_manyUsersFromOneAddress_addressLimitApplies() {
    for (String user : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed("10.0.0.66", user);
    }
    assertThat(throttle.waitBefore("10.0.0.66", "f")).isPresent();
    assertThat(throttle.waitBefore("10.0.0.2", "f")).isEmpty();
  }

  @Test
  void succeeded_clearsThatUsersFailuresFromThatAddress() {
    throttle.failed("10.0.0.1", "admin");
    throttle.failed("10.0.0.1", "admin");
    throttle.succeeded("10.0.0.1", "admin");
    throttle.failed("10.0.0.1", "admin");
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEmpty();
  }

  @Test
  void failed_manyDistinctSources_memoryStaysBounded() {
    for (int i = 0; i < 1000; i++) {
      throttle.failed("10.0." + (i / 256) + "." + (i % 256), "admin");
    }
    // the oldest counters were dropped: the first source is no longer known, the newest still is
    throttle.failed("10.0.3.231", "admin");
    throttle.failed("10.0.3.231", "admin");
    assertThat(throttle.waitBefore("10.0.3.231", "admin")).isPresent();
    assertThat(throttle.waitBefore("10.0.0.0", "admin")).isEmpty();
  }

  @Test
  void staffPaths_areCamundaEngineRestAndOperatorApi() {
    assertThat(StaffSurfaceFilter.isStaffPath("/camunda/app/cockpit/default/")).isTrue();
    assertThat(StaffSurfaceFilter.isStaffPath("/camunda")).isTrue();
    assertThat(StaffSurfaceFilter.isStaffPath("/engine-rest/engine")).isTrue();
    assertThat(StaffSurfaceFilter.isStaffPath("/api/v1/beheer/dode-brieven")).isTrue();
    assertThat(StaffSurfaceFilter.isStaffPath("/api/v1/noodremmen/x")).isFalse();
    assertThat(StaffSurfaceFilter.isStaffPath("/camundaX")).isFalse();
    assertThat(StaffSurfaceFilter.isStaffPath("/portaal/noodrem")).isFalse();
  }

  @Test
  void loginFilter_readsTheUserFromFormAndBasicHeader() {
    assertThat(StaffLoginThrottleFilter.formField("password=x&username=jan%2Bpiet", "username")).isEqualTo("jan+piet");
    assertThat(StaffLoginThrottleFilter.basicUser("Basic " + java.util.Base64.getEncoder().encodeToString("admin:pw".getBytes())))
        .isEqualTo("admin");
    assertThat(StaffLoginThrottleFilter.basicUser(null)).isNull();
  }
}
