package io.wxhub.protocol.xml;

/**
 * Bounds applied to every XML body before and while it is parsed.
 *
 * @param maxBytes the largest body accepted, in UTF-8 bytes
 * @param maxElements the most elements accepted below the root
 */
public record XmlLimits(int maxBytes, int maxElements) {

	/** 64 KiB and 512 elements: far above any real WeChat push or reply. */
	public static final XmlLimits DEFAULT = new XmlLimits(64 * 1024, 512);

	public XmlLimits {
		if (maxBytes < 1 || maxElements < 1) {
			throw new IllegalArgumentException("XML limits must be positive");
		}
	}

}
