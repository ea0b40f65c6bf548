package nl.noodrem.digid.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import nl.noodrem.digid.support.DigidTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The simulator starts only with the dev profile AND the switch, and never beside a production profile. */
class DigidSimulatorActivationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DigidSimulatorAutoConfiguration.class))
      .withPropertyValues(
          "noodrem.digid.base-url=http://localhost:1",
          "noodrem.digid.simulator.artifact-resolution-port=0",
          "noodrem.digid.simulator.key-directory=" + DigidTestFixture.keys().directory());

  @Test
  void simulator_switchOnWithoutDevProfile_isAbsent() {
    runner.withPropertyValues("noodrem.digid.simulator.enabled=true")
        .run(context -> assertThat(context).doesNotHaveBean(DigidSimulator.class));
  }

  @Test
  void simulator_devProfileWithoutSwitch_isAbsent() {
    runner.withPropertyValues("spring.profiles.active=dev")
        .run(context -> assertThat(context).doesNotHaveBean(DigidSimulator.class));
  }

  @Test
  void simulator_devProfileAndSwitch_runs() {
    runner.withPropertyValues("spring.profiles.active=dev", "noodrem.digid.simulator.enabled=true")
        .run(context -> {
          assertThat(context).hasSingleBean(DigidSimulator.class).hasSingleBean(DigidSimulatorController.class);
          assertThat(context.getBean(DigidSimulator.class).artifactResolutionPort()).isPositive();
        });
  }

  @Test
  void simulator_besideProductionProfile_failsTheStart() {
    runner.withPropertyValues("spring.profiles.active=dev,prod", "noodrem.digid.simulator.enabled=true")
        .run(context -> assertThat(context).hasFailed());
  }
}
