package nl.noodrem.app.chain;

import java.util.List;
import nl.noodrem.domain.Oin;

/**
 * The two municipalities the development setup accredits (the 2021 pilots were in The Hague and Eindhoven).
 * Their OINs are made-up demo numbers (the {@code 9999900} range), shared with the legacy stand-ins.
 */
public final class DemoMunicipalities {

  public record Municipality(Oin oin, String name) {}

  public static final Municipality DEN_HAAG = new Municipality(Oin.of("00000001999990001000"), "Gemeente Den Haag");
  public static final Municipality EINDHOVEN = new Municipality(Oin.of("00000001999990002000"), "Gemeente Eindhoven");
  public static final List<Municipality> ALL = List.of(DEN_HAAG, EINDHOVEN);

  private DemoMunicipalities() {}
}
