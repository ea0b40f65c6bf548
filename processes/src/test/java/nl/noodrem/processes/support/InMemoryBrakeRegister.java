package nl.noodrem.processes.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.processes.port.BrakeRegister;

/** {@link BrakeRegister} for process tests; the JDBC one is tested against H2 in the Spring test. */
public class InMemoryBrakeRegister implements BrakeRegister {

  public record Row(String brakeRef, CitizenRef citizen, LocalDate pulledOn, LocalDate endedOn, String outcome) {}

  public final List<Row> rows = new ArrayList<>();

  @Override
  public synchronized Optional<String> activeBrake(CitizenRef citizen) {
    return rows.stream().filter(r -> r.citizen().equals(citizen) && r.endedOn() == null).map(Row::brakeRef)
        .findFirst();
  }

  @Override
  public synchronized boolean claim(CitizenRef citizen, String brakeRef, LocalDate pulledOn) {
    if (activeBrake(citizen).isPresent()) {
      return false;
    }
    rows.add(new Row(brakeRef, citizen, pulledOn, null, null));
    return true;
  }

  @Override
  public synchronized void release(String brakeRef, LocalDate endedOn, String outcome) {
    rows.replaceAll(r -> r.brakeRef().equals(brakeRef) && r.endedOn() == null
        ? new Row(r.brakeRef(), r.citizen(), r.pulledOn(), endedOn, outcome) : r);
  }

  @Override
  public synchronized Optional<LocalDate> lastEndedWithoutProof(CitizenRef citizen) {
    return rows.stream().filter(r -> r.citizen().equals(citizen) && "NO_PROOF_PRESENTED".equals(r.outcome()))
        .map(Row::endedOn).max(LocalDate::compareTo);
  }

  @Override
  public synchronized int countSince(CitizenRef citizen, LocalDate since, String excludingBrakeRef) {
    return (int) rows.stream().filter(r -> r.citizen().equals(citizen) && !r.pulledOn().isBefore(since)
        && !r.brakeRef().equals(excludingBrakeRef)).count();
  }
}
