package io.wxhub.protocol.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a map of element paths (as produced by {@link XmlReader}) back into WeChat's
 * XML: one top-level element per line, text in CDATA, numbers bare.
 */
final class XmlWriter {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Set<String> NUMERIC = Set.of("CreateTime", "MsgId", "MsgID", "TimeStamp", "ArticleCount",
			"Location_X", "Location_Y", "Scale", "Latitude", "Longitude", "Precision", "TotalCount", "FilterCount",
			"SentCount", "ErrorCount", "Count", "AgentID");

	private XmlWriter() {
	}

	static String write(Map<String, String> fields) {
		Node root = new Node("xml");
		fields.forEach((path, value) -> root.add(path, path.split("\\.", -1), 0, value));
		StringBuilder out = new StringBuilder("<xml>\n");
		for (Node child : root.children.values()) {
			child.write(out);
			out.append('\n');
		}
		return out.append("</xml>").toString();
	}

	private static void writeValue(StringBuilder out, String name, String value) {
		if (NUMERIC.contains(name) && NUMBER.matcher(value).matches()) {
			out.append(value);
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
				throw new IllegalArgumentException("Element <" + name + "> contains a character XML cannot carry");
			}
		}
		// "]]>" cannot appear inside CDATA: close the section between "]]" and ">".
		out.append("<![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
	}

	/**
	 * The element name of a path segment {@code Name} or {@code Name[3]}; null when the
	 * segment is neither. Hand-written: a regex here dominated rendering a reply.
	 */
	static String elementName(String segment) {
		int end = segment.length();
		if (end > 0 && segment.charAt(end - 1) == ']') {
			int open = segment.lastIndexOf('[');
			if (open < 0 || open == end - 2 || !digits(segment, open + 1, end - 1)) {
				return null;
			}
			end = open;
		}
		if (end == 0 || !nameStart(segment.charAt(0))) {
			return null;
		}
		for (int i = 1; i < end; i++) {
			char c = segment.charAt(i);
			if (!nameStart(c) && !(c >= '0' && c <= '9') && c != '-') {
				return null;
			}
		}
		return segment.substring(0, end);
	}

	private static boolean nameStart(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static final class Node {

		private final String name;

		private final Map<String, Node> children = new LinkedHashMap<>();

		private String value;

		Node(String name) {
			this.name = name;
		}

		void add(String path, String[] segments, int index, String value) {
			String name = elementName(segments[index]);
			if (name == null) {
				throw new IllegalArgumentException("Invalid element path '" + path + "'");
			}
			Node child = this.children.computeIfAbsent(segments[index], (key) -> new Node(name));
			boolean leaf = index == segments.length - 1;
			if (leaf ? !child.children.isEmpty() || child.value != null : child.value != null) {
				throw new IllegalArgumentException("Element path '" + path + "' clashes with another path");
			}
			if (leaf) {
				child.value = value;
			}
			else {
				child.add(path, segments, index + 1, value);
			}
		}

		void write(StringBuilder out) {
			out.append('<').append(this.name).append('>');
			if (this.value != null) {
				writeValue(out, this.name, this.value);
			}
			else {
				this.children.values().forEach((child) -> child.write(out));
			}
			out.append("</").append(this.name).append('>');
		}

	}

}
