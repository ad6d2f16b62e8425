package io.wxhub.sandbox.qrcode;

import java.time.Instant;

/**
 * A parametric QR code an app created.
 *
 * @param appId the app
 * @param ticket its ticket
 * @param actionName {@code QR_SCENE}, {@code QR_STR_SCENE}, {@code QR_LIMIT_SCENE} or
 * {@code QR_LIMIT_STR_SCENE}
 * @param sceneId the numeric scene, {@code null} for string scenes
 * @param sceneStr the string scene, {@code null} for numeric scenes
 * @param url the URL the QR code encodes
 * @param createdAt when it was created
 * @param expiresAt when it expires, {@code null} for permanent codes
 */
public record QrScene(String appId, String ticket, String actionName, Long sceneId, String sceneStr, String url,
		Instant createdAt, Instant expiresAt) {

	/**
	 * @return the scene as the scan events carry it in {@code EventKey} (after
	 * {@code qrscene_} for new followers)
	 */
	public String scene() {
		return (this.sceneId != null) ? this.sceneId.toString() : this.sceneStr;
	}

	/**
	 * @return whether the code never expires
	 */
	public boolean isPermanent() {
		return this.expiresAt == null;
	}

}
