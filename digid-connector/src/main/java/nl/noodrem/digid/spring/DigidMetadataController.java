package nl.noodrem.digid.spring;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /digid/metadata}: our signed SP metadata at a fixed URL (the entityID may point here). */
@Controller
public class DigidMetadataController {

  static final MediaType SAML_METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

  private final SpMetadataService metadata;

  public DigidMetadataController(SpMetadataService metadata) {
    this.metadata = metadata;
  }

  @GetMapping("/digid/metadata")
  public ResponseEntity<byte[]> metadata() {
    return ResponseEntity.ok().contentType(SAML_METADATA).cacheControl(CacheControl.noCache()).body(metadata.metadata());
  }
}
