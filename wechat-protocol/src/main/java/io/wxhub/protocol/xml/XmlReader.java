package io.wxhub.protocol.xml;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.wxhub.protocol.xml.MalformedMessageException.Reason;

/**
 * Reads a WeChat XML body into a flat map of element paths with StAX, refusing DTDs and
 * entities, and any shape other than an {@code <xml>} root with leaf elements and the
 * known nested structures.
 */
final class XmlReader {

	// Elements WeChat nests other elements in (menu events, mass-send results, replies).
	private static final Set<String> CONTAINERS = Set.of("ScanCodeInfo", "SendPicsInfo", "PicList", "item",
			"SendLocationInfo", "CopyrightCheckResult", "ResultList", "SubscribeMsgPopupEvent",
			"SubscribeMsgChangeEvent", "SubscribeMsgSentEvent", "List", "TransInfo", "Image", "Voice", "Video", "Music",
			"Articles");

	private static final Set<String> REPEATABLE = Set.of("item", "List");

	private static final int MAX_DEPTH = 6;

	// Building a configured factory costs more than parsing a push; a factory is not
	// guaranteed thread-safe, so each thread keeps its own.
	private static final ThreadLocal<XMLInputFactory> FACTORIES = ThreadLocal.withInitial(XmlReader::newFactory);

	private final XmlLimits limits;

	private final Deque<ElementFrame> stack = new ArrayDeque<>();

	private final Map<String, String> fields = new LinkedHashMap<>();

	private int elements;

	private XmlReader(XmlLimits limits) {
		this.limits = limits;
	}

	static Map<String, String> read(String xml, XmlLimits limits) {
		if (xml == null || xml.isBlank()) {
			throw new MalformedMessageException(Reason.EMPTY, "Body is empty");
		}
		if (xml.length() > limits.maxBytes() || xml.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
			throw new MalformedMessageException(Reason.TOO_LARGE, "Body exceeds " + limits.maxBytes() + " bytes");
		}
		XMLStreamReader reader = null;
		try {
			reader = FACTORIES.get().createXMLStreamReader(new StringReader(xml));
			return new XmlReader(limits).walk(reader);
		}
		catch (XMLStreamException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber()
					: "";
			throw new MalformedMessageException(Reason.NOT_XML, "Body is not well-formed XML" + where);
		}
		finally {
			close(reader);
		}
	}

	private static XMLInputFactory newFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	private Map<String, String> walk(XMLStreamReader reader) throws XMLStreamException {
		while (reader.hasNext()) {
			switch (reader.next()) {
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
						XMLStreamConstants.NOTATION_DECLARATION ->
					throw new MalformedMessageException(Reason.DOCTYPE_FORBIDDEN,
							"DOCTYPE and entities are not allowed");
				case XMLStreamConstants.PROCESSING_INSTRUCTION ->
					throw structure("Processing instructions are not allowed");
				case XMLStreamConstants.START_ELEMENT -> start(reader.getLocalName());
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(reader);
				case XMLStreamConstants.END_ELEMENT -> end();
				default -> {
				}
			}
		}
		return this.fields;
	}

	private void start(String name) {
		if (this.stack.isEmpty()) {
			if (!"xml".equals(name)) {
				throw new MalformedMessageException(Reason.WRONG_ROOT, "Root element must be <xml>");
			}
			this.stack.push(new ElementFrame(name, ""));
			return;
		}
		ElementFrame parent = this.stack.peek();
		if (++this.elements > this.limits.maxElements()) {
			throw new MalformedMessageException(Reason.TOO_LARGE,
					"Body has more than " + this.limits.maxElements() + " elements");
		}
		if (this.stack.size() > 1 && !CONTAINERS.contains(parent.name())) {
			throw structure("Element <" + parent.name() + "> may not contain elements");
		}
		if (this.stack.size() >= MAX_DEPTH) {
			throw structure("Elements are nested too deeply");
		}
		if (!parent.text().toString().isBlank()) {
			throw structure("Element <" + parent.name() + "> mixes text and elements");
		}
		int count = parent.countChild(name);
		boolean repeatable = REPEATABLE.contains(name);
		if (count > 1 && !repeatable) {
			throw structure("Duplicate element <" + name + ">");
		}
		String segment = repeatable ? name + "[" + (count - 1) + "]" : name;
		this.stack.push(new ElementFrame(name, parent.path().isEmpty() ? segment : parent.path() + "." + segment));
	}

	private void text(XMLStreamReader reader) {
		if (!this.stack.isEmpty()) {
			this.stack.peek().text().append(reader.getText());
		}
	}

	private void end() {
		ElementFrame frame = this.stack.pop();
		boolean hasText = !frame.text().toString().isBlank();
		if (this.stack.isEmpty() || frame.hasChildren()) {
			if (hasText) {
				throw structure("Element <" + frame.name() + "> mixes text and elements");
			}
			return;
		}
		this.fields.put(frame.path(), frame.text().toString());
	}

	private static MalformedMessageException structure(String message) {
		return new MalformedMessageException(Reason.UNEXPECTED_STRUCTURE, message);
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// Nothing was opened besides the in-memory reader.
			}
		}
	}

}
