package nl.noodrem.app.portal;

import java.util.List;
import java.util.Optional;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import org.springframework.stereotype.Component;

/** The municipalities a citizen can ask for a proof of debt help, with whom to call there. */
@Component
class Municipalities {

  /** One municipality as the pages show it. */
  record Municipality(String oin, String name, String shortName, Optional<PortalProperties.Contact> contact) {}

  private final PortalProperties properties;

  Municipalities(PortalProperties properties) {
    this.properties = properties;
  }

  List<Municipality> all() {
    return DemoMunicipalities.ALL.stream().map(this::view).toList();
  }

  /** The municipality with this OIN, if the portal offers it; anything that is not an OIN is unknown. */
  Optional<Municipality> find(String oin) {
    Oin parsed;
    try {
      parsed = Oin.of(oin);
    } catch (InvalidValueException | NullPointerException e) {
      return Optional.empty();
    }
    return DemoMunicipalities.ALL.stream().filter(m -> m.oin().equals(parsed)).findFirst().map(this::view);
  }

  private Municipality view(DemoMunicipalities.Municipality m) {
    String name = m.name();
    String shortName = name.startsWith("Gemeente ") ? name.substring("Gemeente ".length()) : name;
    return new Municipality(m.oin().value(), name, shortName,
        Optional.ofNullable(properties.contacts().get(m.oin().value())));
  }
}
