package io.wxhub.sandbox.qrcode;

import java.time.Instant;
import java.util.List;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QR codes an account created that a follower could still scan (the console's list).
 */
@RestController
class QrCodeListController {

	private final AccountRegistry accounts;

	private final QrCodes codes;

	QrCodeListController(AccountRegistry accounts, QrCodes codes) {
		this.accounts = accounts;
		this.codes = codes;
	}

	@GetMapping("/sandbox/apps/{appId}/qrcodes")
	List<QrCodeView> qrCodes(@PathVariable String appId) {
		this.accounts.require(appId);
		return this.codes.unexpired(appId).stream().map(QrCodeView::of).toList();
	}

	/**
	 * @param ticket the ticket a scan carries
	 * @param scene the scene id or string, as in {@code EventKey}
	 * @param kind {@code temporary} or {@code permanent}
	 * @param actionName the {@code action_name} it was created with
	 * @param url the URL the code encodes
	 * @param createdAt when it was created
	 * @param expiresAt when it expires, {@code null} for permanent codes
	 */
	record QrCodeView(String ticket, String scene, String kind, String actionName, String url, Instant createdAt,
			Instant expiresAt) {

		static QrCodeView of(QrScene code) {
			return new QrCodeView(code.ticket(), code.scene(), code.isPermanent() ? "permanent" : "temporary",
					code.actionName(), code.url(), code.createdAt(), code.expiresAt());
		}

	}

}
