package io.wxhub.protocol.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a map of element paths (as produced by {@link XmlReader}) back into WeChat's
 * XML: one top-level element per line, text in CDATA, numbers bare.
 */
final class XmlWriter {

	private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)(\\[\\d+])?");

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

	private static final class Node {

		private final String name;

		private final Map<String, Node> children = new LinkedHashMap<>();

		private String value;

		Node(String name) {
			this.name = name;
		}

		void add(String path, String[] segments, int index, String value) {
			Matcher matcher = SEGMENT.matcher(segments[index]);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("Invalid element path '" + path + "'");
			}
			Node child = this.children.computeIfAbsent(segments[index], (key) -> new Node(matcher.group(1)));
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
