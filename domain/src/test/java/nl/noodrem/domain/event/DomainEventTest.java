package nl.noodrem.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import org.junit.jupiter.api.Test;

class DomainEventTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Oin DEN_HAAG = Oin.of("00000001001589623000");

  @Test
  void debtHelpStarted_toString_doesNotLeakTheBsn() {
    var event = new DebtHelpStarted("file.csv:3", NOW, Bsn.of("123456782"), DEN_HAAG, AssistanceType.MSNP,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15));
    assertThat(event.toString()).doesNotContain("123456782");
  }

  @Test
  void debtHelpStarted_missingField_isRejected() {
    assertThatThrownBy(() -> new DebtHelpStarted("x", NOW, null, DEN_HAAG, AssistanceType.MSNP,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15))).isInstanceOf(NullPointerException.class);
  }

  @Test
  void debtHelpStarted_helpStartFarBeforeDecision_isRejected() {
    assertThatThrownBy(() -> new DebtHelpStarted("x", NOW, Bsn.of("123456782"), DEN_HAAG, AssistanceType.MSNP,
        LocalDate.of(2026, 11, 1), LocalDate.of(2025, 10, 1))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void debtHelpEnded_missingReason_isRejected() {
    assertThatThrownBy(() -> new DebtHelpEnded("x", NOW, Bsn.of("123456782"), DEN_HAAG, LocalDate.of(2026, 12, 1), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void credentialStatusChanged_negativeIds_areRejected() {
    assertThatThrownBy(() -> new CredentialStatusChanged("b1:0", NOW, -1, 0, true, 1))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new CredentialStatusChanged("b1:0", NOW, 1, -1, true, 1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void sealedHierarchy_permitsExactlyTheCanonicalEvents() {
    assertThat(DomainEvent.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder("DebtHelpStarted", "DebtHelpEnded", "HoldPlaced", "HoldLifted",
            "CredentialStatusChanged");
  }
}
