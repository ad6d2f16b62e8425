package io.wxhub.protocol.xml;

import java.util.HashMap;
import java.util.Map;

/**
 * An open element while {@link XmlReader} walks a body: its path, text and children.
 */
final class ElementFrame {

	private final String name;

	private final String path;

	private final StringBuilder text = new StringBuilder();

	private final Map<String, Integer> childCounts = new HashMap<>();

	ElementFrame(String name, String path) {
		this.name = name;
		this.path = path;
	}

	String name() {
		return this.name;
	}

	String path() {
		return this.path;
	}

	StringBuilder text() {
		return this.text;
	}

	boolean hasChildren() {
		return !this.childCounts.isEmpty();
	}

	/**
	 * Record a child element and return how many children of that name this element has
	 * had so far, including it.
	 */
	int countChild(String childName) {
		return this.childCounts.merge(childName, 1, Integer::sum);
	}

}
