// The chat's lines as WeChat shows them: the follower's messages and the account's
// answers (text bubbles, pictures, news cards, placeholders for the rest).
'use strict';

window.sandboxChat = (function () {
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
			item.appendChild(element('span', 'tip', eventTip(event, entry.summary)));
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

	// a scan names its scene, a menu event its key or link
	function eventTip(event, summary) {
		const name = field(event, 'Event');
		const key = field(event, 'EventKey') || '';
		if (name === 'subscribe' && key.startsWith('qrscene_')) {
			return `你扫描二维码关注了该公众号（场景 ${key.substring('qrscene_'.length)}）`;
		}
		if ((name === 'SCAN' || name === 'CLICK' || name === 'VIEW') && key) {
			return `${EVENTS[name]}（${name === 'SCAN' ? '场景 ' : ''}${key}）`;
		}
		return EVENTS[name] || summary;
	}

	function inbound(entry) {
		const message = xml(entry.body);
		if (entry.msgType === 'text') {
			return bubble(field(message, 'Content') ?? entry.summary);
		}
		if (entry.msgType === 'image') {
			return picture(field(message, 'PicUrl'), entry.summary);
		}
		if (entry.msgType === 'location' && message) {
			const label = field(message, 'Label');
			return placeholder('location', [label, `${field(message, 'Location_X')}, ${field(message, 'Location_Y')}`]
				.filter(Boolean).join(' · '));
		}
		if (entry.msgType === 'link' && message) {
			return linkCard(field(message, 'Title'), field(message, 'Description'), field(message, 'Url'));
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
			return media(field(child(reply, 'Image'), 'MediaId'), entry.summary);
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
		// media replies nest their fields: <Image><MediaId>, <Music><Title>…
		if (type === 'music') {
			const music = child(reply, 'Music');
			return placeholder('music', [field(music, 'Title'), field(music, 'Description')]
				.filter(Boolean).join(' · ') || entry.summary, field(music, 'MusicUrl'));
		}
		if (type === 'video') {
			return placeholder('video', field(child(reply, 'Video'), 'Title') || entry.summary);
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
		missing(image, '图片无法加载');
		frame.appendChild(image);
		return frame;
	}

	// a picture that cannot load (offline, say) becomes a grey box that says so, as
	// WeChat shows one
	function missing(image, text) {
		image.addEventListener('error', () => {
			const box = element('div', 'missing-picture', text);
			box.setAttribute('role', 'img');
			box.setAttribute('aria-label', text);
			image.replaceWith(box);
		}, { once: true });
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
				missing(image, '封面图片无法加载');
				part.appendChild(image);
			}
			if (index === 0 && article.description) {
				part.appendChild(element('p', 'description', article.description));
			}
			card.appendChild(safe(article.url) ? link(article.url, part) : part);
		});
		return card;
	}

	// a link the follower shared: a small card like WeChat's
	function linkCard(title, description, url) {
		const card = element('div', 'bubble link-card');
		card.appendChild(element('p', 'title', title || ''));
		card.appendChild(element('p', 'description', description || ''));
		return safe(url) ? link(url, card) : card;
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

	function child(node, name) {
		return node ? [...node.children].find((candidate) => candidate.tagName === name) || null : null;
	}

	function field(node, name) {
		const found = child(node, name);
		return found ? found.textContent : null;
	}

	function element(tag, className, text) {
		const created = document.createElement(tag);
		created.className = className;
		if (text !== undefined && text !== null) {
			created.textContent = text;
		}
		return created;
	}

	return { line, element, safe };
}());
