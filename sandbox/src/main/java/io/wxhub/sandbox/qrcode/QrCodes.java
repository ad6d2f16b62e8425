package io.wxhub.sandbox.qrcode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The parametric QR codes of all apps by ticket, for the push side to turn a scan into
 * the scene. A permanent code asked for again with the same scene keeps its ticket.
 */
@Component
public class QrCodes implements SandboxState {

	private static final String URL_PREFIX = "http://weixin.qq.com/q/";

	private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Map<String, QrScene> byTicket = new ConcurrentHashMap<>();

	private final Map<String, QrScene> permanent = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public QrCodes(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param ticket a ticket, possibly {@code null}
	 * @return the code's scene, empty when unknown or expired
	 */
	public Optional<QrScene> sceneOf(String ticket) {
		Instant now = this.clock.instant();
		return Optional.ofNullable((ticket != null) ? this.byTicket.get(ticket) : null)
			.filter((code) -> code.isPermanent() || now.isBefore(code.expiresAt()));
	}

	/**
	 * @param appId the app
	 * @return its codes that can still be scanned, oldest first
	 */
	List<QrScene> unexpired(String appId) {
		Instant now = this.clock.instant();
		return this.byTicket.values()
			.stream()
			.filter((code) -> code.appId().equals(appId))
			.filter((code) -> code.isPermanent() || now.isBefore(code.expiresAt()))
			.sorted(Comparator.comparing(QrScene::createdAt).thenComparing(QrScene::ticket))
			.toList();
	}

	/**
	 * @param appId the app
	 * @param actionName the validated {@code action_name}
	 * @param sceneId the numeric scene, or {@code null}
	 * @param sceneStr the string scene, or {@code null}
	 * @param lifetime how long a temporary code lives, {@code null} for permanent codes
	 * @return the new code, or the existing permanent one for the same scene
	 */
	QrScene create(String appId, String actionName, Long sceneId, String sceneStr, Duration lifetime) {
		if (lifetime == null) {
			String key = appId + '|' + actionName + '|' + ((sceneId != null) ? sceneId : sceneStr);
			return this.permanent.computeIfAbsent(key,
					(ignored) -> create(appId, actionName, sceneId, sceneStr, this.clock.instant(), null));
		}
		Instant now = this.clock.instant();
		return create(appId, actionName, sceneId, sceneStr, now, now.plus(lifetime));
	}

	@Override
	public void reset() {
		this.byTicket.clear();
		this.permanent.clear();
	}

	private QrScene create(String appId, String actionName, Long sceneId, String sceneStr, Instant now,
			Instant expiresAt) {
		StringBuilder code = new StringBuilder(22);
		while (code.length() < 22) {
			code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
		}
		String url = URL_PREFIX + code;
		QrScene scene = new QrScene(appId, ticket(url, now, expiresAt), actionName, sceneId, sceneStr, url, now,
				expiresAt);
		this.byTicket.put(scene.ticket(), scene);
		return scene;
	}

	// shaped like WeChat's: base64 of tagged fields (id, URL, creation, expiry)
	private String ticket(String url, Instant now, Instant expiresAt) {
		byte[] urlBytes = url.getBytes(StandardCharsets.US_ASCII);
		byte[] id = new byte[10];
		this.random.nextBytes(id);
		ByteBuffer ticket = ByteBuffer.allocate(2 + id.length + 2 + urlBytes.length + 12);
		ticket.put((byte) 0x81).put((byte) 0x01).put(id);
		ticket.put((byte) 0x01).put((byte) urlBytes.length).put(urlBytes);
		ticket.put((byte) 0x02).put((byte) 0x04).putInt((int) now.getEpochSecond());
		ticket.put((byte) 0x03).put((byte) 0x04).putInt((expiresAt != null) ? (int) expiresAt.getEpochSecond() : 0);
		return Base64.getEncoder().encodeToString(ticket.array());
	}

}
