// The sandbox console: pick an account and a follower, then chat as that follower.
// Everything goes through the sandbox's own /sandbox/** endpoints; the chat itself is
// the conversation the sandbox records, streamed as server-sent events.
// This file is the core (selection, sending, the live chat); chat.js renders the lines,
// composer.js, menu.js and qrcode.js add the other ways of writing to the account.
'use strict';

window.sandboxConsole = (function () {
	const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
	const TEXT_LIMIT = 2048;
	const NICKNAME_LIMIT = 32;
	// what the sandbox refuses in a nickname (Java's \p{Cntrl})
	const CONTROL = /[\u0000-\u001f\u007f]/;

	const $ = (id) => document.getElementById(id);
	const state = { accounts: [], followers: [], appId: null, openid: null, events: null, entries: [] };

	// ---- HTTP ----

	// JSON in and out; a FormData body goes as multipart
	async function call(method, path, body) {
		const init = { method, headers: { Accept: 'application/json' } };
		if (body instanceof FormData) {
			init.body = body;
		}
		else if (body !== undefined) {
			init.headers['Content-Type'] = 'application/json;charset=UTF-8';
			init.body = JSON.stringify(body);
		}
		const response = await fetch(path, init);
		const text = await response.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		}
		catch (ignored) {
			json = null;
		}
		if (!response.ok) {
			const detail = (json && (json.detail || json.title)) || text || response.statusText;
			throw new Error(`${response.status} ${detail}`);
		}
		return json;
	}

	const app = (appId) => `/sandbox/apps/${encodeURIComponent(appId)}`;
	const follower = (appId, openid) => `${app(appId)}/followers/${encodeURIComponent(openid)}`;

	// ---- messages for the person ----

	function status(text, error) {
		const element = $('side-status');
		element.textContent = text || '';
		element.classList.toggle('error', !!error);
	}

	function notice(text) {
		$('notice').textContent = text || '';
	}

	// ---- accounts and followers ----

	async function loadAccounts() {
		state.accounts = await call('GET', '/sandbox/apps');
		const select = $('account');
		select.replaceChildren(...state.accounts.map((account) => option(account.appId,
				`${account.name || account.originalId}（${account.appId}）`)));
		const wanted = new URLSearchParams(location.search).get('app');
		if (wanted && state.accounts.some((account) => account.appId === wanted)) {
			select.value = wanted;
		}
		await chooseAccount(select.value);
	}

	async function chooseAccount(appId) {
		state.appId = appId || null;
		const account = state.accounts.find((candidate) => candidate.appId === appId);
		$('chat-title').textContent = account ? (account.name || account.originalId) : '未选择公众号';
		$('account-meta').textContent = account
			? `${account.originalId} · ${account.mode === 'safe' ? '安全模式' : account.mode === 'compatible' ? '兼容模式' : '明文模式'}`
				+ ` · ${account.callbackUrl || '未配置服务器地址'}`
			: '';
		await loadFollowers(new URLSearchParams(location.search).get('openid'));
		announce();
	}

	async function loadFollowers(wanted) {
		if (!state.appId) {
			return;
		}
		const followers = await call('GET', `${app(state.appId)}/followers`);
		state.followers = followers;
		const select = $('follower');
		select.replaceChildren(...followers.map((one) => option(one.openid,
				name(one) + (one.subscribed ? '' : '（未关注）'))));
		const keep = wanted || state.openid;
		if (keep && followers.some((one) => one.openid === keep)) {
			select.value = keep;
		}
		chooseFollower(select.value || null);
	}

	function chooseFollower(openid) {
		if (openid === state.openid && state.events) {
			return;
		}
		state.openid = openid;
		const current = state.followers.find((one) => one.openid === openid);
		$('chat-follower').textContent = current ? `粉丝 ${name(current)}` : '没有粉丝：先新建一个';
		notice('');
		watch();
		announce();
	}

	// for the developer panel beside the chat, and the chat's own parts
	let announced = null;
	function announce() {
		const detail = { appId: state.appId, openid: state.openid };
		if (announced && announced.appId === detail.appId && announced.openid === detail.openid) {
			return;
		}
		announced = detail;
		document.body.dataset.appId = detail.appId || '';
		document.body.dataset.openid = detail.openid || '';
		document.dispatchEvent(new CustomEvent('console:selection', { detail }));
	}

	function name(one) {
		return one.nickname ? `${one.nickname}（${one.openid}）` : one.openid;
	}

	function subscribed() {
		const current = state.followers.find((one) => one.openid === state.openid);
		return !!(current && current.subscribed);
	}

	async function createFollower(event) {
		event.preventDefault();
		const openid = $('new-openid').value.trim();
		const nickname = $('new-nickname').value.trim();
		if (nickname && (nickname.length > NICKNAME_LIMIT || CONTROL.test(nickname))) {
			status(`昵称不能超过 ${NICKNAME_LIMIT} 个字，也不能有控制字符`, true);
			return;
		}
		if (openid && !OPENID.test(openid)) {
			status('OpenID 只能是 1 到 64 个字母、数字、下划线或连字符', true);
			return;
		}
		const wanted = {};
		if (openid) {
			wanted.openid = openid;
		}
		if (nickname) {
			wanted.nickname = nickname;
		}
		try {
			const created = await call('POST', `${app(state.appId)}/followers`, wanted);
			$('new-openid').value = '';
			$('new-nickname').value = '';
			status(`已新建粉丝 ${created.openid}`);
			await loadFollowers(created.openid);
		}
		catch (error) {
			status(`新建失败：${error.message}`, true);
		}
	}

	// ---- the chat ----

	async function watch() {
		if (state.events) {
			state.events.close();
			state.events = null;
		}
		render([]);
		if (!state.appId || !state.openid) {
			return;
		}
		const path = `${app(state.appId)}/conversations/${encodeURIComponent(state.openid)}`;
		try {
			render(await call('GET', path));
		}
		catch (error) {
			notice(`无法读取对话：${error.message}`);
		}
		const events = new EventSource(`${path}/events`);
		events.addEventListener('history', (message) => render(JSON.parse(message.data)));
		events.addEventListener('entry', (message) => append(JSON.parse(message.data)));
		state.events = events;
	}

	function render(entries) {
		state.entries = [];
		$('conversation').replaceChildren();
		entries.forEach(append);
	}

	function append(entry) {
		const previous = state.entries[state.entries.length - 1];
		state.entries.push(entry);
		const list = $('conversation');
		list.appendChild(window.sandboxChat.line(entry, previous));
		list.scrollTop = list.scrollHeight;
	}

	/**
	 * Sends what the follower does to the account.
	 * @returns whether the sandbox took it (the account may still have failed to answer)
	 */
	async function push(message) {
		if (!state.appId || !state.openid) {
			notice('请先选择公众号和粉丝');
			return false;
		}
		notice('');
		const sent = { appId: state.appId, openid: state.openid };
		try {
			const result = await call('POST', `${follower(sent.appId, sent.openid)}/send`, message);
			if (result && result.outcome === 'unavailable') {
				notice(`公众号没有正确回复（共尝试 ${result.attempts} 次）：${result.problem || '未知原因'}`);
			}
			return true;
		}
		catch (error) {
			notice(`发送失败：${error.message}`);
			return false;
		}
		finally {
			// the account's server may have changed its menu or QR codes meanwhile
			document.dispatchEvent(new CustomEvent('console:sent', { detail: { ...sent, message } }));
		}
	}

	async function sendText(event) {
		event.preventDefault();
		const input = $('message');
		const content = input.value;
		if (!content.trim()) {
			notice('消息不能为空');
			input.focus();
			return;
		}
		if (content.length > TEXT_LIMIT) {
			notice(`消息不能超过 ${TEXT_LIMIT} 个字`);
			return;
		}
		$('send').disabled = true;
		try {
			if (await push({ msgType: 'text', content })) {
				input.value = '';
			}
		}
		finally {
			$('send').disabled = false;
			input.focus();
		}
	}

	// following changes the follower's state: the list shows it
	async function sendEvent(message) {
		const sent = await push(message);
		try {
			await loadFollowers(state.openid);
		}
		catch (error) {
			status(`无法刷新粉丝列表：${error.message}`, true);
		}
		return sent;
	}

	function option(value, label) {
		const created = document.createElement('option');
		created.value = value;
		created.textContent = label;
		return created;
	}

	// ---- wiring ----

	document.addEventListener('DOMContentLoaded', () => {
		$('account').addEventListener('change', (event) => {
			state.openid = null;
			chooseAccount(event.target.value).catch((error) => status(error.message, true));
		});
		$('follower').addEventListener('change', (event) => chooseFollower(event.target.value));
		$('new-follower').addEventListener('submit', createFollower);
		$('composer').addEventListener('submit', sendText);
		$('subscribe').addEventListener('click', () => sendEvent({ msgType: 'event', event: 'subscribe' }));
		$('unsubscribe').addEventListener('click', () => sendEvent({ msgType: 'event', event: 'unsubscribe' }));
		loadAccounts().catch((error) => status(`无法读取公众号：${error.message}`, true));
	});

	return {
		call,
		app,
		push,
		sendEvent,
		notice,
		selection: () => ({ appId: state.appId, openid: state.openid }),
		subscribed
	};
}());
