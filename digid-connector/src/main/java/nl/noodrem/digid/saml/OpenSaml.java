package nl.noodrem.digid.saml;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.xml.namespace.QName;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Marshaller;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Element;

/**
 * OpenSAML 3.4.6 plumbing: one-time initialisation, builders, (un)marshalling and time conversion.
 * OpenSAML is the only SAML library here; its servlet-based HTTP encoders are not used (they need
 * {@code javax.servlet}, see {@link RedirectBinding} and {@link PostBinding}).
 */
public final class OpenSaml {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile boolean initialized;

  private OpenSaml() {}

  /** Initialises OpenSAML (and Santuario) once per JVM; safe to call from many threads. */
  public static void initialize() {
    if (initialized) {
      return;
    }
    synchronized (OpenSaml.class) {
      if (initialized) {
        return;
      }
      try {
        InitializationService.initialize();
      } catch (InitializationException e) {
        throw new IllegalStateException("OpenSAML could not be initialised", e);
      }
      initialized = true;
    }
  }

  /** Builds an empty SAML object for its default element name. */
  @SuppressWarnings("unchecked")
  public static <T extends XMLObject> T build(QName elementName) {
    initialize();
    var builder = XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(elementName);
    if (builder == null) {
      throw new IllegalArgumentException("no OpenSAML builder for " + elementName);
    }
    return (T) builder.buildObject(elementName);
  }

  /** Marshals {@code object} into a DOM (re-using an existing DOM when it has one). */
  public static Element marshall(XMLObject object) {
    initialize();
    Marshaller marshaller = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object);
    if (marshaller == null) {
      throw new IllegalArgumentException("no marshaller for " + object.getElementQName());
    }
    try {
      return marshaller.marshall(object);
    } catch (MarshallingException e) {
      throw new IllegalStateException("cannot marshall " + object.getElementQName(), e);
    }
  }

  /** Unmarshals a DOM element; the DOM stays attached so signatures can be verified over it. */
  public static XMLObject unmarshall(Element element) throws UnmarshallingException {
    initialize();
    Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
    if (unmarshaller == null) {
      throw new UnmarshallingException("no unmarshaller for {" + element.getNamespaceURI() + "}" + element.getLocalName());
    }
    return unmarshaller.unmarshall(element);
  }

  /** A fresh SAML ID: an NCName (starts with '_') carrying 160 random bits. */
  public static String newId() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return "_" + HexFormat.of().formatHex(bytes);
  }

  public static DateTime toDateTime(Instant instant) {
    return new DateTime(instant.toEpochMilli(), DateTimeZone.UTC);
  }

  public static Instant toInstant(DateTime dateTime) {
    return dateTime == null ? null : Instant.ofEpochMilli(dateTime.getMillis());
  }
}
