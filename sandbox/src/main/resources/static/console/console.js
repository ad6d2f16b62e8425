// The sandbox console: pick an account and a follower, then chat as that follower.
// Everything goes through the sandbox's own /sandbox/** endpoints; the chat itself is
// the conversation the sandbox records, streamed as server-sent events.
'use strict';

(function () {
	const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
	const TEXT_LIMIT = 2048;
	const PLACEHOLDERS = {
		voice: ['🔊', '[语音]'],
		video: ['🎬', '[视频]'],
		shortvideo: ['🎬', '[小视频]'],
		music: ['🎵', '[音乐]'],
		location: ['📍', '[位置]'],
		link: ['🔗', '[链接]'],
		mpnews: ['📰', '[图文]'],
		mpnewsarticle: ['📰', '[图文]'],
		msgmenu: ['☰', '[菜单消息]'],
		wxcard: ['🎫', '[卡券]'],
		miniprogrampage: ['▣', '[小程序]']
	};
	const EVENTS = {
		subscribe: '你关注了该公众号',
		unsubscribe: '你取消关注了该公众号',
		SCAN: '你扫描了二维码',
		CLICK: '你点击了菜单',
		VIEW: '你打开了菜单链接',
		LOCATION: '你上报了地理位置'
	};

	const $ = (id) => document.getElementById(id);
	const state = { accounts: [], appId: null, openid: null, events: null, entries: [] };

	// ---- HTTP ----

	async function call(method, path, body) {
		const init = { method, headers: { Accept: 'application/json' } };
		if (body !== undefined) {
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
	}

	async function loadFollowers(wanted) {
		if (!state.appId) {
			return;
		}
		const followers = await call('GET', `${app(state.appId)}/followers`);
		const select = $('follower');
		select.replaceChildren(...followers.map((one) => option(one.openid,
				one.openid + (one.subscribed ? '' : '（未关注）'))));
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
		$('chat-follower').textContent = openid ? `粉丝 ${openid}` : '没有粉丝：先新建一个';
		notice('');
		watch();
	}

	async function createFollower(event) {
		event.preventDefault();
		const openid = $('new-openid').value.trim();
		if (openid && !OPENID.test(openid)) {
			status('OpenID 只能是 1 到 64 个字母、数字、下划线或连字符', true);
			return;
		}
		try {
			const created = await call('POST', `${app(state.appId)}/followers`, openid ? { openid } : {});
			$('new-openid').value = '';
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
		list.appendChild(line(entry, previous));
		list.scrollTop = list.scrollHeight;
	}

	async function push(message, done) {
		if (!state.appId || !state.openid) {
			notice('请先选择公众号和粉丝');
			return;
		}
		notice('');
		try {
			const result = await call('POST', `${follower(state.appId, state.openid)}/send`, message);
			if (result && result.outcome === 'unavailable') {
				notice(`公众号没有正确回复（共尝试 ${result.attempts} 次）：${result.problem || '未知原因'}`);
			}
			if (done) {
				done();
			}
		}
		catch (error) {
			notice(`发送失败：${error.message}`);
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
			await push({ msgType: 'text', content }, () => { input.value = ''; });
		}
		finally {
			$('send').disabled = false;
			input.focus();
		}
	}

	async function follow(subscribe) {
		await push({ msgType: 'event', event: subscribe ? 'subscribe' : 'unsubscribe' });
		try {
			await loadFollowers(state.openid);
		}
		catch (error) {
			status(`无法刷新粉丝列表：${error.message}`, true);
		}
	}

	// ---- rendering, as WeChat shows it ----

	function line(entry, previous) {
		const item = document.createElement('li');
		item.dataset.kind = entry.kind;
		item.dataset.msgType = entry.msgType || '';
		item.title = new Date(entry.at).toLocaleString('zh-CN');
		if (entry.kind === 'unavailable') {
			item.className = 'system unavailable';
			item.appendChild(element('span', 'tip', entry.summary));
			return item;
		}
		if (entry.direction === 'in' && entry.msgType === 'event') {
			const event = xml(entry.body);
			item.className = 'system';
			item.appendChild(element('span', 'tip', EVENTS[field(event, 'Event')] || entry.summary));
			return item;
		}
		item.className = entry.direction === 'in' ? 'in' : 'out';
		const avatar = element('span', 'avatar', entry.direction === 'in' ? '我' : '号');
		avatar.setAttribute('aria-hidden', 'true');
		item.appendChild(avatar);
		item.appendChild(entry.direction === 'in' ? inbound(entry)
				: entry.kind === 'customer-service' ? customerService(entry) : passive(entry, previous));
		return item;
	}

	function inbound(entry) {
		const message = xml(entry.body);
		if (entry.msgType === 'text') {
			return bubble(field(message, 'Content') ?? entry.summary);
		}
		if (entry.msgType === 'image') {
			return picture(field(message, 'PicUrl'), entry.summary);
		}
		return placeholder(entry.msgType, entry.summary);
	}

	function passive(entry, previous) {
		const reply = xml(entry.body);
		const type = field(reply, 'MsgType') || entry.msgType;
		if (type === 'text') {
			return bubble(field(reply, 'Content') ?? entry.summary);
		}
		if (type === 'image') {
			return media(field(reply, 'MediaId'), entry.summary);
		}
		if (type === 'news' && reply) {
			const articles = [...reply.querySelectorAll('Articles > item')].map((item) => ({
				title: field(item, 'Title'),
				description: field(item, 'Description'),
				picurl: field(item, 'PicUrl'),
				url: field(item, 'Url')
			}));
			// after an ordinary message WeChat shows only the first article
			const toEvent = previous && previous.msgType === 'event';
			return news(toEvent ? articles : articles.slice(0, 1));
		}
		if (type === 'music') {
			return placeholder('music', [field(reply, 'Title'), field(reply, 'Description')]
				.filter(Boolean).join(' · ') || entry.summary, field(reply, 'MusicUrl'));
		}
		if (type === 'video') {
			return placeholder('video', field(reply, 'Title') || entry.summary);
		}
		return placeholder(type, entry.summary);
	}

	function customerService(entry) {
		const body = entry.body || {};
		const type = entry.msgType;
		const content = body[type] || {};
		if (type === 'text') {
			return bubble(content.content ?? entry.summary);
		}
		if (type === 'image') {
			return media(content.media_id, entry.summary);
		}
		if (type === 'news') {
			return news(content.articles || []);
		}
		if (type === 'music') {
			return placeholder('music', [content.title, content.description].filter(Boolean).join(' · ')
				|| entry.summary, content.musicurl);
		}
		if (type === 'video') {
			return placeholder('video', content.title || entry.summary);
		}
		return placeholder(type, entry.summary);
	}

	function bubble(text) {
		return element('div', 'bubble', text);
	}

	function media(mediaId, fallback) {
		return mediaId ? picture(`/sandbox/media/${encodeURIComponent(mediaId)}`, fallback)
			: placeholder('image', fallback);
	}

	function picture(url, fallback) {
		if (!safe(url, true)) {
			return placeholder('image', fallback);
		}
		const frame = element('div', 'bubble picture');
		const image = document.createElement('img');
		image.src = url;
		image.alt = '图片';
		image.loading = 'lazy';
		frame.appendChild(image);
		return frame;
	}

	function placeholder(type, text, url) {
		const [icon, label] = PLACEHOLDERS[type] || ['▫', `[${type}]`];
		const box = element('div', 'bubble placeholder');
		box.dataset.icon = icon;
		const shown = text && text.startsWith('[') ? text : [label, text].filter(Boolean).join(' ');
		if (safe(url)) {
			box.appendChild(link(url, shown));
		}
		else {
			box.textContent = shown;
		}
		return box;
	}

	function news(articles) {
		const card = element('div', 'news');
		card.setAttribute('role', 'group');
		card.setAttribute('aria-label', '图文消息');
		articles.forEach((article, index) => {
			const part = element('div', index === 0 ? 'lead' : 'more');
			part.appendChild(element('p', 'title', article.title || ''));
			if (safe(article.picurl)) {
				const image = document.createElement('img');
				image.src = article.picurl;
				image.alt = '';
				image.loading = 'lazy';
				part.appendChild(image);
			}
			if (index === 0 && article.description) {
				part.appendChild(element('p', 'description', article.description));
			}
			card.appendChild(safe(article.url) ? link(article.url, part) : part);
		});
		return card;
	}

	function link(url, content) {
		const anchor = document.createElement('a');
		anchor.href = url;
		anchor.target = '_blank';
		anchor.rel = 'noopener noreferrer';
		if (typeof content === 'string') {
			anchor.textContent = content;
		}
		else {
			anchor.appendChild(content);
		}
		return anchor;
	}

	// only web links (and, for pictures, the sandbox's own media) are followed
	function safe(url, local) {
		return typeof url === 'string'
			&& (/^https?:\/\//i.test(url) || (local === true && url.startsWith('/sandbox/media/')));
	}

	function xml(text) {
		if (typeof text !== 'string' || !text.trim().startsWith('<')) {
			return null;
		}
		const parsed = new DOMParser().parseFromString(text, 'text/xml');
		return parsed.querySelector('parsererror') ? null : parsed.documentElement;
	}

	function field(node, name) {
		if (!node) {
			return null;
		}
		const child = [...node.children].find((candidate) => candidate.tagName === name);
		return child ? child.textContent : null;
	}

	function element(tag, className, text) {
		const created = document.createElement(tag);
		created.className = className;
		if (text !== undefined && text !== null) {
			created.textContent = text;
		}
		return created;
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
		$('subscribe').addEventListener('click', () => follow(true));
		$('unsubscribe').addEventListener('click', () => follow(false));
		loadAccounts().catch((error) => status(`无法读取公众号：${error.message}`, true));
	});
}());
