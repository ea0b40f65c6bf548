package nl.noodrem.digid.spring;

import java.time.Clock;
import nl.noodrem.digid.saml.SpMetadataGenerator;

/**
 * Our signed SP metadata, generated once per start: the document at the fixed URL stays byte-identical
 * (and so does its signature) for the life of the process.
 */
public final class SpMetadataService {

  private final SpMetadataGenerator generator;
  private final Clock clock;
  private volatile byte[] metadata;

  public SpMetadataService(SpMetadataGenerator generator, Clock clock) {
    this.generator = generator;
    this.clock = clock;
  }

  public byte[] metadata() {
    byte[] current = metadata;
    if (current == null) {
      synchronized (this) {
        if (metadata == null) {
          metadata = generator.generate(clock.instant());
        }
        current = metadata;
      }
    }
    return current.clone();
  }
}
