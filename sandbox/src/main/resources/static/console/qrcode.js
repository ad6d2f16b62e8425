// The account's QR codes (those created through /cgi-bin/qrcode/create that have not
// expired), and scanning one as the follower: a follower gets SCAN with the code's
// ticket, anyone else follows by it (subscribe, whose EventKey the sandbox fills in as
// qrscene_ and the scene).
'use strict';

(function () {
	const POLL_MS = 5000;

	const $ = (id) => document.getElementById(id);
	const core = window.sandboxConsole;
	const chat = window.sandboxChat;
	let shown = null;
	let requests = 0;

	async function refresh() {
		const { appId } = core.selection();
		const request = ++requests;
		let codes = [];
		if (appId) {
			try {
				codes = await core.call('GET', `${core.app(appId)}/qrcodes`) || [];
			}
			catch (ignored) {
				// kept as it was: the next refresh tries again
				return;
			}
		}
		if (request === requests) {
			show(appId, codes);
		}
	}

	function show(appId, codes) {
		const key = appId + JSON.stringify(codes);
		if (key === shown) {
			return;
		}
		shown = key;
		$('qrcodes').replaceChildren(...codes.map(item));
		$('qrcodes-empty').hidden = codes.length > 0;
	}

	function item(code) {
		const entry = chat.element('li', 'qrcode');
		entry.dataset.ticket = code.ticket;
		const text = chat.element('span', 'qrcode-text');
		text.appendChild(chat.element('span', 'scene', `场景 ${code.scene}`));
		const expiry = code.expiresAt ? `临时，${new Date(code.expiresAt).toLocaleString('zh-CN')} 过期` : '永久';
		text.appendChild(chat.element('span', 'hint', expiry));
		const scan = chat.element('button', 'secondary small', '扫码');
		scan.type = 'button';
		scan.setAttribute('aria-label', `扫码：场景 ${code.scene}`);
		scan.addEventListener('click', () => scanCode(code, scan));
		entry.append(text, scan);
		return entry;
	}

	async function scanCode(code, button) {
		const event = core.subscribed() ? 'SCAN' : 'subscribe';
		button.disabled = true;
		try {
			await core.sendEvent({ msgType: 'event', event, ticket: code.ticket });
		}
		finally {
			button.disabled = false;
		}
	}

	document.addEventListener('DOMContentLoaded', () => {
		document.addEventListener('console:selection', refresh);
		document.addEventListener('console:sent', refresh);
		$('qrcodes-refresh').addEventListener('click', refresh);
		setInterval(() => {
			if (document.visibilityState === 'visible') {
				refresh();
			}
		}, POLL_MS);
	});
}());
