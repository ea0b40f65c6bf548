package nl.noodrem.features.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A citizen's whole brake as a person would do it when things fail around them: log in, pull, wait for the first
 * hold, present the proof — and whenever the system is not there (a node died, the chain or DigiD is away), wait a
 * little and try again, as the portal's texts tell them to. Records what it had to repeat.
 */
public final class Journey {

  public enum Result { EXTENDED_OR_ACCEPTED, GAVE_UP }

  public static final AtomicInteger RETRIED_ACTIONS = new AtomicInteger();
  public static final AtomicInteger PROOFS_PRESENTED = new AtomicInteger();

  private final ClusterCitizen citizen;
  private final Instant deadline;

  public Journey(ClusterCitizen citizen, Duration patience) {
    this.citizen = citizen;
    this.deadline = Instant.now().plus(patience);
  }

  public Result run() throws InterruptedException {
    try {
      retry(() -> {
        citizen.logIn();
        return true;
      });
      retry(() -> citizen.pull() != null);
      // the first hold is placed and acknowledged when the brake waits for a proof
      retry(() -> citizen.status().map(s -> s.path("acceptsProof").asBoolean()).orElse(false));
      retry(() -> {
        ClusterCitizen.Answer answer = citizen.presentProof();
        PROOFS_PRESENTED.incrementAndGet();
        if (answer.status() == 200) {
          return true;
        }
        // an earlier presentation may have been accepted while its answer was lost with a node: the hold says so
        Thread.sleep(1500);
        Optional<JsonNode> status = citizen.status();
        return status.isPresent() && !status.get().path("holdEnd").asText("")
            .equals(citizen.pulledOn.plusMonths(4).toString());
      });
      return Result.EXTENDED_OR_ACCEPTED;
    } catch (TimeoutException e) {
      return Result.GAVE_UP;
    }
  }

  private interface Step {
    boolean done() throws Exception;
  }

  private static final class TimeoutException extends Exception {}

  private void retry(Step step) throws InterruptedException, TimeoutException {
    long pause = 500;
    while (Instant.now().isBefore(deadline)) {
      try {
        if (step.done()) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        RETRIED_ACTIONS.incrementAndGet();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        RETRIED_ACTIONS.incrementAndGet();
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 4000);
    }
    throw new TimeoutException();
  }
}
