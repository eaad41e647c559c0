package com.paystream.recon.statements.formats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes on only the ISO 20022 {@code Document} element and what is inside it, without namespaces
 * (the Prowide model is bound namespace-free, one class per message version), and remembers where
 * the parser is ({@code BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}) so that errors can say so. It also
 * records the namespace the Document declared, which names the message version.
 */
final class XmlDocumentFilter extends XMLFilterImpl {

  /** One open element and how many children of each name it has had so far. */
  private record Open(String name, int index, Map<String, Integer> children) {}

  private final Deque<Open> path = new ArrayDeque<>();
  private String documentNamespace;
  private int depth = -1;

  XmlDocumentFilter(XMLReader parent) {
    super(parent);
  }

  /** The namespace of the Document element, or null when none was seen (yet). */
  String documentNamespace() {
    return documentNamespace;
  }

  /** Where the parser is, below Document, e.g. {@code BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}. */
  String currentPath() {
    if (path.isEmpty()) {
      return "Document";
    }
    StringBuilder where = new StringBuilder();
    var it = path.descendingIterator();
    it.next(); // Document itself
    while (it.hasNext()) {
      Open open = it.next();
      if (where.length() > 0) {
        where.append('/');
      }
      where.append(open.name());
      if (open.index() > 1 || repeatable(open.name())) {
        where.append('[').append(open.index()).append(']');
      }
    }
    return where.length() == 0 ? "Document" : where.toString();
  }

  private static boolean repeatable(String name) {
    return name.equals("Stmt") || name.equals("Ntry") || name.equals("TxDtls");
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    if (depth < 0 && localName.equals("Document")) {
      depth = 0;
      documentNamespace = uri;
    }
    if (depth >= 0) {
      depth++;
      int index = 1;
      Open parent = path.peek();
      if (parent != null) {
        index = parent.children().merge(localName, 1, Integer::sum);
      }
      path.push(new Open(localName, index, new HashMap<>()));
      super.startElement("", localName, localName, atts);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (depth > 0) {
      depth--;
      // Binding reads an element's text at its end: keep it on the path until then.
      super.endElement("", localName, localName);
      path.pop();
      if (depth == 0) {
        depth = Integer.MIN_VALUE; // one Document only; anything after it is ignored
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (depth > 0) {
      super.characters(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (depth > 0) {
      super.ignorableWhitespace(ch, start, length);
    }
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) {
    // Namespaces are dropped: the model is bound without them.
  }

  @Override
  public void endPrefixMapping(String prefix) {
    // Namespaces are dropped: the model is bound without them.
  }
}
