// The account's menu at the bottom of the chat, as created through /cgi-bin/menu/create:
// up to 3 buttons, each a sub-menu of up to 5 that opens above it. A click button sends
// CLICK with its key; a view button sends VIEW and opens its link in a new tab. The
// sandbox cannot play the others (scanning, taking photos, mini programs…): they are
// shown, marked unavailable, and say why.
'use strict';

(function () {
	const POLL_MS = 5000;
	const UNAVAILABLE = {
		scancode_push: '扫码推事件：沙盒不能调起扫一扫，不会发送事件',
		scancode_waitmsg: '扫码带提示：沙盒不能调起扫一扫，不会发送事件',
		pic_sysphoto: '拍照发图：沙盒不能拍照，不会发送事件；可用“+”里的“图片”发送图片',
		pic_photo_or_album: '拍照或者相册发图：沙盒不能调起相册，不会发送事件；可用“+”里的“图片”发送图片',
		pic_weixin: '微信相册发图：沙盒不能调起相册，不会发送事件；可用“+”里的“图片”发送图片',
		location_select: '发送位置：沙盒不能调起位置选择器，不会发送事件；可用“+”里的“位置”发送位置',
		media_id: '下发素材：微信直接下发素材，不推送事件，沙盒不模拟',
		view_limited: '图文消息：微信直接打开素材，不推送事件，沙盒不模拟',
		article_id: '发布的图文：微信直接下发文章，不推送事件，沙盒不模拟',
		article_view_limited: '发布的图文：微信直接打开文章，不推送事件，沙盒不模拟',
		miniprogram: '小程序：沙盒不能打开小程序'
	};

	const $ = (id) => document.getElementById(id);
	const core = window.sandboxConsole;
	const chat = window.sandboxChat;
	let shown = null;
	let requests = 0;

	async function refresh() {
		const { appId } = core.selection();
		// only the latest answer is shown
		const request = ++requests;
		let buttons = [];
		if (appId) {
			try {
				const menu = await core.call('GET', `${core.app(appId)}/menu`);
				buttons = (menu && Array.isArray(menu.button)) ? menu.button : [];
			}
			catch (ignored) {
				// kept as it was: the next refresh tries again
				return;
			}
		}
		if (request === requests) {
			show(appId, buttons);
		}
	}

	// re-drawn only when it changed, so that an open sub-menu stays open
	function show(appId, buttons) {
		const key = appId + JSON.stringify(buttons);
		if (key === shown) {
			return;
		}
		shown = key;
		const nav = $('menu');
		const list = chat.element('ul', 'menu-bar');
		buttons.slice(0, 3).forEach((button, index) => list.appendChild(topButton(button, index)));
		nav.replaceChildren(list);
		nav.hidden = buttons.length === 0;
	}

	function topButton(button, index) {
		const item = chat.element('li', 'menu-item');
		const subButtons = Array.isArray(button.sub_button) ? button.sub_button : [];
		if (subButtons.length === 0) {
			item.appendChild(leaf(button));
			return item;
		}
		const opener = chat.element('button', 'menu-button parent', button.name);
		opener.type = 'button';
		opener.setAttribute('aria-expanded', 'false');
		opener.setAttribute('aria-controls', `submenu-${index}`);
		const submenu = chat.element('ul', 'submenu');
		submenu.id = `submenu-${index}`;
		submenu.setAttribute('aria-label', button.name);
		submenu.hidden = true;
		subButtons.slice(0, 5).forEach((subButton) => {
			const entry = chat.element('li', 'submenu-item');
			entry.appendChild(leaf(subButton));
			submenu.appendChild(entry);
		});
		opener.addEventListener('click', () => {
			const open = submenu.hidden;
			closeAll();
			submenu.hidden = !open;
			opener.setAttribute('aria-expanded', String(open));
		});
		item.append(submenu, opener);
		return item;
	}

	function leaf(button) {
		if (button.type === 'click' && button.key) {
			const element = chat.element('button', 'menu-button', button.name);
			element.type = 'button';
			element.addEventListener('click', () => {
				closeAll();
				core.push({ msgType: 'event', event: 'CLICK', eventKey: button.key });
			});
			return element;
		}
		if (button.type === 'view' && chat.safe(button.url)) {
			// the link opens the page itself; the click also tells the account
			const anchor = chat.element('a', 'menu-button', button.name);
			anchor.href = button.url;
			anchor.target = '_blank';
			anchor.rel = 'noopener';
			anchor.addEventListener('click', () => {
				closeAll();
				core.push({ msgType: 'event', event: 'VIEW', eventKey: button.url });
			});
			return anchor;
		}
		const why = (button.type === 'view') ? '网页：链接不是 http 或 https 网址，沙盒不打开'
			: UNAVAILABLE[button.type] || `${button.type || '未知类型'}：沙盒不模拟这种菜单`;
		const element = chat.element('button', 'menu-button unavailable', button.name);
		element.type = 'button';
		element.title = why;
		element.setAttribute('aria-disabled', 'true');
		element.dataset.type = button.type || '';
		element.addEventListener('click', () => {
			closeAll();
			core.notice(why);
		});
		return element;
	}

	function closeAll() {
		document.querySelectorAll('#menu .submenu').forEach((submenu) => {
			submenu.hidden = true;
		});
		document.querySelectorAll('#menu .parent').forEach((opener) => opener.setAttribute('aria-expanded', 'false'));
	}

	document.addEventListener('DOMContentLoaded', () => {
		document.addEventListener('console:selection', refresh);
		document.addEventListener('console:sent', refresh);
		document.addEventListener('click', (event) => {
			if (!$('menu').contains(event.target)) {
				closeAll();
			}
		});
		document.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				closeAll();
			}
		});
		// a backend may create or delete the menu at any time
		setInterval(() => {
			if (document.visibilityState === 'visible') {
				refresh();
			}
		}, POLL_MS);
	});
}());
