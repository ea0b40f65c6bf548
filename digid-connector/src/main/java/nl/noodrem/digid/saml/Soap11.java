package nl.noodrem.digid.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The SOAP 1.1 envelope of the SAML SOAP binding (Bindings §3.2), built and read with plain DOM. */
public final class Soap11 {

  public static final String NS = "http://schemas.xmlsoap.org/soap/envelope/";
  /** The SOAPAction the SAML SOAP binding recommends. */
  public static final String SOAP_ACTION = "http://www.oasis-open.org/committees/security";

  private Soap11() {}

  /** Wraps a (signed) element into a new envelope document without touching its subtree. */
  public static byte[] wrap(Element message) {
    Document document = SecureXml.newDocument();
    Element envelope = document.createElementNS(NS, "soap11:Envelope");
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:soap11", NS);
    document.appendChild(envelope);
    Element body = document.createElementNS(NS, "soap11:Body");
    envelope.appendChild(body);
    body.appendChild(document.importNode(message, true));
    return SecureXml.toBytes(document);
  }

  /**
   * The single element in the Body of a SOAP 1.1 envelope.
   *
   * @throws IllegalArgumentException when the document is not such an envelope
   */
  public static Element bodyElement(Document document) {
    Element envelope = document.getDocumentElement();
    if (!is(envelope, NS, "Envelope")) {
      throw new IllegalArgumentException("root is not a SOAP 1.1 Envelope");
    }
    List<Element> children = childElements(envelope);
    Element body = null;
    for (int i = 0; i < children.size(); i++) {
      Element child = children.get(i);
      if (is(child, NS, "Header") && i == 0 && children.size() == 2) {
        continue;
      }
      if (is(child, NS, "Body") && i == children.size() - 1) {
        body = child;
        continue;
      }
      throw new IllegalArgumentException("unexpected element in the envelope: " + child.getLocalName());
    }
    if (body == null) {
      throw new IllegalArgumentException("no SOAP Body");
    }
    List<Element> content = childElements(body);
    if (content.size() != 1) {
      throw new IllegalArgumentException("SOAP Body holds " + content.size() + " elements");
    }
    return content.get(0);
  }

  public static boolean isFault(Element element) {
    return is(element, NS, "Fault");
  }

  /** Element children only; non-whitespace text between them is refused. */
  public static List<Element> childElements(Element parent) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> result.add((Element) n);
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          if (!n.getNodeValue().isBlank()) {
            throw new IllegalArgumentException("text content in " + parent.getLocalName());
          }
        }
        default -> { } // comments, processing instructions
      }
    }
    return result;
  }

  public static boolean is(Node node, String namespace, String localName) {
    return node instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }
}
