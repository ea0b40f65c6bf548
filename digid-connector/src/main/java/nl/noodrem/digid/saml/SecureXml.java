package nl.noodrem.digid.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way this module turns untrusted bytes into a DOM: no DOCTYPE at all (so no DTD, no entity
 * expansion, no XXE, no billion laughs), no XInclude, no external access, comments kept (they must reach
 * the NameID check, see {@link RejectionReason#NAMEID_COMMENT_OR_SPLIT}).
 */
public final class SecureXml {

  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  private static final DocumentBuilderFactory FACTORY = newFactory();

  private SecureXml() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setIgnoringComments(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
    return factory;
  }

  /**
   * Parses {@code bytes} into a namespace-aware DOM.
   *
   * @throws DigidLoginException {@link RejectionReason#DOCTYPE_FORBIDDEN} for any DOCTYPE,
   *     {@link RejectionReason#NOT_XML} for anything else that is not well-formed
   */
  public static Document parse(byte[] bytes) throws DigidLoginException {
    DocumentBuilder builder = newBuilder();
    try {
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("DOCTYPE") || message.contains(DISALLOW_DOCTYPE)) {
        throw new DigidLoginException(RejectionReason.DOCTYPE_FORBIDDEN, "the parser refused a DOCTYPE declaration");
      }
      // the parser's message may quote attacker-chosen text, so only the position is logged
      String where = e instanceof SAXParseException pe ? " at line " + pe.getLineNumber() + ", column " + pe.getColumnNumber() : "";
      throw new DigidLoginException(RejectionReason.NOT_XML, "not well-formed XML" + where);
    } catch (IOException e) {
      throw new DigidLoginException(RejectionReason.NOT_XML, "unreadable XML: " + e.getClass().getSimpleName());
    }
  }

  /** A fresh empty document for building messages. */
  public static Document newDocument() {
    return newBuilder().newDocument();
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) { // the factory is not specified to be thread-safe; builders are per call
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(SILENT); // the default handler prints parse errors to stderr
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not resolved");
      });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serializes a node as UTF-8 XML without reformatting (reformatting would break signatures). */
  public static byte[] toBytes(Node node) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = tf.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "no");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialize XML", e);
    }
  }

  public static String toString(Node node) {
    return new String(toBytes(node), StandardCharsets.UTF_8);
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      };
}
