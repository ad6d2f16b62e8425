// The console's developer panel: what happened to each push (attempts, the answer and
// WeChat's checks of it), the API calls the account's backend made, and the sandbox's
// fault switches. It only uses the sandbox's own /sandbox/** endpoints; the two logs are
// streamed as server-sent events. Untrusted text is only ever set as text.
'use strict';

(function () {
	const PATH = /^\/(cgi-bin|sns)\/[A-Za-z0-9_./-]+$/;
	const COMMON_PATHS = ['/cgi-bin/message/custom/send', '/cgi-bin/token', '/cgi-bin/stable_token',
		'/cgi-bin/message/template/send', '/cgi-bin/user/info', '/cgi-bin/media/upload', '/cgi-bin/menu/create',
		'/cgi-bin/ticket/getticket', '/cgi-bin/get_api_domain_ip', '/sns/oauth2/access_token', '/sns/userinfo'];
	const CHECKS = {
		empty: '空应答',
		xml: 'XML 格式',
		mode: '加密方式',
		signature: '签名 MsgSignature',
		decryption: '解密与 AppID',
		reply: '回复消息结构',
		toUserName: 'ToUserName（应为粉丝）',
		fromUserName: 'FromUserName（应为公众号）'
	};
	const OUTCOMES = {
		reply: '被动回复',
		empty: '无回复（空或 success）',
		unavailable: '该公众号暂时无法提供服务'
	};
	const MODES = { plain: '明文模式', compatible: '兼容模式', safe: '安全模式' };

	const $ = (id) => document.getElementById(id);
	const state = { appId: null, openid: null, deliveries: new Map(), calls: new Map(), streams: [] };

	// ---- DOM, always as text ----

	function el(tag, props, ...children) {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(props || {})) {
			if (value === undefined || value === null || value === false) {
				continue;
			}
			if (key === 'class') {
				node.className = value;
			}
			else if (key === 'text') {
				node.textContent = value;
			}
			else if (key === 'dataset') {
				Object.assign(node.dataset, value);
			}
			else if (key.startsWith('on')) {
				node.addEventListener(key.slice(2), value);
			}
			else {
				node.setAttribute(key, value === true ? '' : String(value));
			}
		}
		node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
		return node;
	}

	function field(id, label, input, hint) {
		input.id = id;
		return el('div', { class: 'dev-field' }, el('label', { for: id, text: label }), input,
			hint ? el('span', { class: 'dev-hint', id: `${id}-hint`, text: hint }) : null);
	}

	const pad = (value, size) => String(value).padStart(size || 2, '0');

	function clock(at) {
		const time = new Date(at);
		return Number.isNaN(time.getTime()) ? '' : `${pad(time.getHours())}:${pad(time.getMinutes())}:`
			+ `${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
	}

	// ---- HTTP ----

	// the console's own HTTP helpers (console.js, loaded first): problem+json details as errors
	const { call, app } = window.sandboxConsole;

	function report(id, text, error) {
		const element = $(id);
		element.textContent = text || '';
		element.classList.toggle('error', !!error);
	}

	// ---- the panel ----

	function build(section) {
		const tabs = [['pushes', '推送'], ['calls', '接口调用'], ['faults', '故障注入']];
		section.append(
			el('h2', { id: 'developer-title', class: 'dev-title', text: '开发者视图' }),
			el('div', { class: 'dev-tabs', role: 'tablist', 'aria-labelledby': 'developer-title' },
				tabs.map(([key, name], index) => el('button', {
					type: 'button', role: 'tab', id: `dev-tab-${key}`, 'aria-controls': `dev-panel-${key}`,
					'aria-selected': index === 0 ? 'true' : 'false', tabindex: index === 0 ? '0' : '-1', text: name,
					onclick: () => selectTab(key), onkeydown: (event) => moveTab(event, index, tabs)
				}))),
			pushPanel(), callPanel(), faultPanel());
	}

	function selectTab(key) {
		document.querySelectorAll('#developer [role="tab"]').forEach((tab) => {
			const selected = tab.id === `dev-tab-${key}`;
			tab.setAttribute('aria-selected', selected ? 'true' : 'false');
			tab.tabIndex = selected ? 0 : -1;
		});
		document.querySelectorAll('#developer [role="tabpanel"]').forEach((panel) => {
			panel.hidden = panel.id !== `dev-panel-${key}`;
		});
		if (key === 'faults') {
			refreshFaults();
			loadQuotas();
		}
	}

	// arrow keys move between tabs, as in any tablist
	function moveTab(event, index, tabs) {
		const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
		const target = step ? (index + step + tabs.length) % tabs.length
			: event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
		if (target === null) {
			return;
		}
		event.preventDefault();
		selectTab(tabs[target][0]);
		$(`dev-tab-${tabs[target][0]}`).focus();
	}

	function panel(key, ...children) {
		return el('div', { role: 'tabpanel', id: `dev-panel-${key}`, class: 'dev-panel',
			'aria-labelledby': `dev-tab-${key}`, tabindex: '0', hidden: key !== 'pushes' }, children);
	}

	// ---- pushes ----

	function pushPanel() {
		return panel('pushes',
			el('p', { class: 'dev-meta', id: 'dev-pushes-meta', text: '选择公众号和粉丝后显示推送记录' }),
			el('ol', { id: 'dev-deliveries', class: 'dev-list', 'aria-label': '推送记录，最新的在前' }));
	}

	function renderDeliveries() {
		const list = $('dev-deliveries');
		const sorted = [...state.deliveries.values()].sort((a, b) => b.id - a.id);
		// deliveries never change: items already shown are kept as they are, open or not
		const shown = new Map([...list.children].map((item) => [item.dataset.id, item]));
		list.replaceChildren(...sorted.map((delivery) => shown.get(String(delivery.id)) || deliveryItem(delivery)));
		$('dev-pushes-meta').textContent = !state.openid ? '选择公众号和粉丝后显示推送记录'
			: sorted.length ? `粉丝 ${state.openid} 的最近 ${sorted.length} 次推送（点开看详情）`
				: `粉丝 ${state.openid} 还没有推送`;
	}

	function deliveryItem(delivery) {
		const failed = delivery.outcome === 'unavailable';
		const details = el('details', { dataset: { id: String(delivery.id) } },
			el('summary', {},
				el('span', { class: 'dev-time', text: clock(delivery.at) }),
				el('span', { class: 'dev-what', text: describe(delivery) }),
				el('span', { class: `dev-outcome ${delivery.outcome}`, text: OUTCOMES[delivery.outcome] || delivery.outcome }),
				el('span', { class: 'dev-count', text: `${delivery.attempts.length} 次请求` }),
				failed ? el('span', { class: 'dev-reason', text: `原因：${reason(delivery)}` }) : null),
			el('div', { class: 'dev-body' },
				el('p', { class: 'dev-meta', text: `${MODES[delivery.mode] || delivery.mode}`
					+ (delivery.msgId ? ` · MsgId ${delivery.msgId}` : '')
					+ ` · 粉丝看到：${delivery.shown === null ? '（无）' : delivery.shown}` }),
				el('h3', { text: '请求' }), attemptsTable(delivery.attempts),
				el('h3', { text: '应答校验' }), checksList(delivery),
				xmlBlock('推送的明文 XML', delivery.plainXml),
				xmlBlock('推送的加密 XML（最后一次请求）', delivery.encryptedXml),
				xmlBlock('原始应答', delivery.responseBody),
				delivery.replyXml !== delivery.responseBody ? xmlBlock('解密后的回复', delivery.replyXml) : null));
		return el('li', { class: failed ? 'failed' : '', dataset: { id: String(delivery.id), outcome: delivery.outcome } },
			details);
	}

	function describe(delivery) {
		if (delivery.event) {
			return `事件 ${delivery.event}`;
		}
		const content = delivery.msgType === 'text' ? xmlText(delivery.plainXml, 'Content') : null;
		return content !== null ? `文本「${content.length > 24 ? `${content.slice(0, 24)}…` : content}」`
			: `消息 ${delivery.msgType}`;
	}

	// the XML is only parsed, never inserted
	function xmlText(xml, name) {
		try {
			const node = new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName(name)[0];
			return node ? node.textContent : null;
		}
		catch (ignored) {
			return null;
		}
	}

	// why the follower saw 该公众号暂时无法提供服务, in words
	function reason(delivery) {
		const failedCheck = (delivery.checks || []).find((check) => !check.passed);
		if (failedCheck) {
			return `应答未通过校验：${CHECKS[failedCheck.check] || failedCheck.check}（${failedCheck.detail}）`;
		}
		const last = delivery.attempts[delivery.attempts.length - 1];
		return `${delivery.attempts.length} 次请求都没有得到有效应答，最后一次：${last ? attemptResult(last) : '无'}`;
	}

	function attemptResult(attempt) {
		if (attempt.dropped) {
			return `应答被故意丢弃（HTTP ${attempt.status === undefined ? '无' : attempt.status}）`;
		}
		if (attempt.status !== undefined && attempt.status !== null) {
			return `HTTP ${attempt.status}`;
		}
		return /no answer within/.test(attempt.error || '') ? `超时：${attempt.error}` : `连接失败：${attempt.error}`;
	}

	function attemptsTable(attempts) {
		return el('table', { class: 'dev-attempts' },
			el('caption', { class: 'visually-hidden', text: '每次请求' }),
			el('thead', {}, el('tr', {}, ['次', '发送时间', '结果', '耗时'].map((name) => el('th', { scope: 'col', text: name })))),
			el('tbody', {}, attempts.map((attempt) => el('tr', { class: attempt.succeeded ? 'ok' : 'bad' },
				el('td', { text: String(attempt.number) }),
				el('td', { text: clock(attempt.sentAt) }),
				el('td', { text: `${attempt.succeeded ? '✓' : '✗'} ${attemptResult(attempt)}` }),
				el('td', { text: `${attempt.elapsedMillis} ms` })))));
	}

	function checksList(delivery) {
		if (!delivery.checks.length) {
			return el('p', { class: 'dev-meta bad', text: '没有 2xx 应答，不做校验' });
		}
		return el('ul', { class: 'dev-checks', 'aria-label': '应答校验' }, delivery.checks.map((check) => el('li', {
			class: check.passed ? 'ok' : 'bad', dataset: { check: check.check, passed: String(check.passed) }
		}, el('span', { 'aria-hidden': 'true', text: check.passed ? '✓' : '✗' }),
		el('span', { text: ` ${CHECKS[check.check] || check.check}${check.passed ? '' : '：未通过'}：${check.detail}` }))));
	}

	function xmlBlock(title, text) {
		if (text === null || text === undefined) {
			return null;
		}
		return el('details', { class: 'dev-xml' }, el('summary', { text: title }),
			el('pre', { text: text === '' ? '（空）' : text }));
	}

	// ---- API calls ----

	function callPanel() {
		return panel('calls',
			el('p', { class: 'dev-meta', id: 'dev-calls-meta', text: '选择公众号后显示它的后端调用的接口' }),
			el('ol', { id: 'dev-calls', class: 'dev-list dev-calls', 'aria-label': '接口调用，最新的在前' }));
	}

	function renderCalls() {
		const sorted = [...state.calls.values()].sort((a, b) => b.id - a.id);
		const list = $('dev-calls');
		const shown = new Map([...list.children].map((item) => [item.dataset.id, item]));
		list.replaceChildren(...sorted.map((apiCall) => shown.get(String(apiCall.id)) || callItem(apiCall)));
		$('dev-calls-meta').textContent = !state.appId ? '选择公众号后显示它的后端调用的接口'
			: sorted.length ? `最近 ${sorted.length} 次调用（令牌和密钥只显示前几位）` : '还没有接口调用';
	}

	function callItem(apiCall) {
		const failed = apiCall.errcode !== 0 || apiCall.status >= 400;
		return el('li', { class: failed ? 'failed' : '', dataset: { id: String(apiCall.id),
			errcode: apiCall.errcode === null ? '' : String(apiCall.errcode), path: apiCall.path } },
		el('span', { class: 'dev-time', text: clock(apiCall.at) }),
		el('code', { class: 'dev-api', text: `${apiCall.method} ${apiCall.path}` }),
		el('span', { class: 'dev-errcode', text: apiCall.errcode === null ? `HTTP ${apiCall.status}`
			: `errcode ${apiCall.errcode}${apiCall.status !== 200 ? ` · HTTP ${apiCall.status}` : ''}` }),
		el('span', { class: 'dev-latency', text: `${apiCall.latencyMillis} ms` }),
		apiCall.query ? el('code', { class: 'dev-query', text: `?${apiCall.query}` }) : null);
	}

	// ---- fault switches ----

	function faultPanel() {
		const datalist = el('datalist', { id: 'dev-paths' }, COMMON_PATHS.map((path) => el('option', { value: path })));
		return panel('faults',
			el('form', { id: 'dev-fault-form', class: 'dev-form', novalidate: true, onsubmit: addFault,
				'aria-labelledby': 'dev-fault-title' },
			el('h3', { id: 'dev-fault-title', text: '让接口返回错误' }), datalist,
			field('dev-fault-path', '接口路径', el('input', { type: 'text', value: '/cgi-bin/message/custom/send',
				list: 'dev-paths', autocomplete: 'off', required: true, maxlength: '128' }), '以 /cgi-bin/ 或 /sns/ 开头'),
			el('div', { class: 'dev-row' },
				field('dev-fault-errcode', '错误码 errcode', el('input', { type: 'number', value: '-1', step: '1' }),
					'留空则只加延迟'),
				field('dev-fault-count', '接下来几次', el('input', { type: 'number', value: '1', min: '1', max: '1000',
					step: '1', required: true })),
				field('dev-fault-delay', '延迟（毫秒，可不填）', el('input', { type: 'number', min: '0', max: '60000',
					step: '1' }))),
			el('div', { class: 'dev-buttons' },
				el('button', { type: 'submit', id: 'dev-fault-add', text: '注入故障' }),
				el('button', { type: 'button', id: 'dev-fault-clear', class: 'secondary', text: '清除全部故障',
					onclick: clearFaults })),
			el('p', { id: 'dev-fault-status', class: 'status', role: 'status', 'aria-live': 'polite' }),
			el('h4', { text: '待生效的故障' }),
			el('ul', { id: 'dev-faults', class: 'dev-faults', 'aria-label': '待生效的故障' })),
			el('form', { id: 'dev-token-form', class: 'dev-form', novalidate: true, onsubmit: rotateToken,
				'aria-labelledby': 'dev-token-title' },
			el('h3', { id: 'dev-token-title', text: '第三方轮换 access_token' }),
			el('p', { class: 'dev-meta', text: '像另一个持有 AppSecret 的程序那样获取一次令牌：经典方式让此前的令牌很快失效；稳定版只在快过期或强制刷新时换新。' }),
			el('div', { class: 'dev-row' },
				field('dev-token-mode', '方式', el('select', {},
					el('option', { value: 'classic', text: '经典 /cgi-bin/token' }),
					el('option', { value: 'stable', text: '稳定版 /cgi-bin/stable_token' }))),
				el('div', { class: 'dev-field dev-check' },
					el('input', { type: 'checkbox', id: 'dev-token-force' }),
					el('label', { for: 'dev-token-force', text: 'force_refresh（仅稳定版）' }))),
			el('div', { class: 'dev-buttons' }, el('button', { type: 'submit', id: 'dev-token-rotate', text: '轮换令牌' })),
			el('p', { id: 'dev-token-status', class: 'status', role: 'status', 'aria-live': 'polite' })),
			el('form', { id: 'dev-quota-form', class: 'dev-form', novalidate: true, onsubmit: exhaustQuota,
				'aria-labelledby': 'dev-quota-title' },
			el('h3', { id: 'dev-quota-title', text: '耗尽每日配额' }),
			field('dev-quota-path', '接口', el('select', {})),
			el('div', { class: 'dev-buttons' },
				el('button', { type: 'submit', id: 'dev-quota-exhaust', text: '耗尽（下次调用返回 45009）' }),
				el('button', { type: 'button', id: 'dev-quota-reset', class: 'secondary', text: '重置今日用量',
					onclick: resetQuotas })),
			el('p', { id: 'dev-quota-status', class: 'status', role: 'status', 'aria-live': 'polite' })));
	}

	// the same rules as the JSON endpoint, and the path limited to the WeChat APIs
	function faultFromForm() {
		const path = $('dev-fault-path').value.trim();
		const errcode = $('dev-fault-errcode').value.trim();
		const count = $('dev-fault-count').value.trim();
		const delay = $('dev-fault-delay').value.trim();
		const integer = (text) => /^-?\d+$/.test(text) ? Number(text) : NaN;
		if (!PATH.test(path)) {
			throw new Error('接口路径须以 /cgi-bin/ 或 /sns/ 开头，例如 /cgi-bin/message/custom/send');
		}
		const fault = { path, count: integer(count) };
		if (!(fault.count >= 1 && fault.count <= 1000)) {
			throw new Error('次数须是 1 到 1000 的整数');
		}
		if (errcode !== '') {
			fault.errcode = integer(errcode);
			if (!(fault.errcode >= -1 && fault.errcode <= 99999999)) {
				throw new Error('错误码须是 -1 到 99999999 的整数');
			}
		}
		if (delay !== '') {
			fault.delayMillis = integer(delay);
			if (!(fault.delayMillis >= 0 && fault.delayMillis <= 60000)) {
				throw new Error('延迟须是 0 到 60000 毫秒的整数');
			}
		}
		if (fault.errcode === undefined && !fault.delayMillis) {
			throw new Error('填写错误码或延迟，至少一项');
		}
		return fault;
	}

	async function addFault(event) {
		event.preventDefault();
		if (!requireApp('dev-fault-status')) {
			return;
		}
		let fault;
		try {
			fault = faultFromForm();
		}
		catch (invalid) {
			report('dev-fault-status', invalid.message, true);
			return;
		}
		await guarded('dev-fault-add', 'dev-fault-status', async () => {
			const answer = await call('POST', `${app(state.appId)}/faults`, fault);
			renderFaults(answer.faults);
			report('dev-fault-status', `已注入：${fault.path} 接下来 ${fault.count} 次`
				+ (fault.errcode !== undefined ? ` 返回 errcode ${fault.errcode}` : '')
				+ (fault.delayMillis ? ` 延迟 ${fault.delayMillis} ms` : ''));
		});
	}

	async function clearFaults() {
		if (!requireApp('dev-fault-status')) {
			return;
		}
		await guarded('dev-fault-clear', 'dev-fault-status', async () => {
			await call('DELETE', `${app(state.appId)}/faults`);
			renderFaults([]);
			report('dev-fault-status', '已清除全部故障');
		});
	}

	async function refreshFaults() {
		if (!state.appId) {
			renderFaults([]);
			return;
		}
		try {
			renderFaults((await call('GET', `${app(state.appId)}/faults`)).faults);
		}
		catch (failure) {
			report('dev-fault-status', failure.message, true);
		}
	}

	function renderFaults(faults) {
		const list = $('dev-faults');
		list.replaceChildren(...faults.map((fault) => el('li', { dataset: { path: fault.path } },
			el('code', { text: fault.path }),
			el('span', { text: [fault.errcode !== null && fault.errcode !== undefined ? `errcode ${fault.errcode}` : null,
				fault.httpStatus ? `HTTP ${fault.httpStatus}` : null,
				fault.delayMillis ? `延迟 ${fault.delayMillis} ms` : null,
				fault.count === null ? '直到清除' : `还剩 ${fault.count} 次`].filter(Boolean).join(' · ') }))));
		if (!faults.length) {
			list.append(el('li', { class: 'dev-none', text: '无' }));
		}
	}

	async function rotateToken(event) {
		event.preventDefault();
		if (!requireApp('dev-token-status')) {
			return;
		}
		const mode = $('dev-token-mode').value;
		const force = $('dev-token-force').checked;
		if (force && mode !== 'stable') {
			report('dev-token-status', 'force_refresh 只适用于稳定版令牌', true);
			return;
		}
		await guarded('dev-token-rotate', 'dev-token-status', async () => {
			const answer = await call('POST', `${app(state.appId)}/third-party-token`,
				mode === 'stable' ? { mode, forceRefresh: force } : { mode });
			report('dev-token-status', answer.rotated
				? `已轮换：新令牌 ${answer.expiresIn} 秒后过期（${clock(answer.expiresAt)}）`
				: `未轮换：当前令牌仍然有效（${answer.expiresIn} 秒后过期）`);
		});
	}

	async function loadQuotas() {
		if (!state.appId) {
			return;
		}
		try {
			const answer = await call('GET', `${app(state.appId)}/quotas`);
			const select = $('dev-quota-path');
			const kept = select.value;
			select.replaceChildren(...answer.quotas.filter((quota) => !quota.path.includes('#')).map((quota) =>
				el('option', { value: quota.path, text: `${quota.path}（剩 ${quota.remain} / ${quota.dailyLimit}）` })));
			if (kept && answer.quotas.some((quota) => quota.path === kept)) {
				select.value = kept;
			}
		}
		catch (failure) {
			report('dev-quota-status', failure.message, true);
		}
	}

	async function exhaustQuota(event) {
		event.preventDefault();
		if (!requireApp('dev-quota-status')) {
			return;
		}
		const path = $('dev-quota-path').value;
		if (!PATH.test(path || '')) {
			report('dev-quota-status', '先选择一个有每日配额的接口', true);
			return;
		}
		await guarded('dev-quota-exhaust', 'dev-quota-status', async () => {
			const usage = await call('POST', `${app(state.appId)}/quotas/exhaust`, { path });
			report('dev-quota-status', `${usage.path} 今日配额已用完（${usage.used} / ${usage.dailyLimit}），下次调用返回 45009`);
			await loadQuotas();
		});
	}

	async function resetQuotas() {
		if (!requireApp('dev-quota-status')) {
			return;
		}
		await guarded('dev-quota-reset', 'dev-quota-status', async () => {
			await call('POST', `${app(state.appId)}/quotas/reset`);
			report('dev-quota-status', '今日用量已清零');
			await loadQuotas();
		});
	}

	function requireApp(statusId) {
		if (!state.appId) {
			report(statusId, '请先选择公众号', true);
		}
		return !!state.appId;
	}

	// one request at a time per button; the server's problem detail is shown as is
	async function guarded(buttonId, statusId, action) {
		const button = $(buttonId);
		button.disabled = true;
		try {
			await action();
		}
		catch (failure) {
			report(statusId, failure.message, true);
		}
		finally {
			button.disabled = false;
		}
	}

	// ---- following the chat's selection ----

	function selection() {
		const data = document.body.dataset;
		const account = $('account');
		const follower = $('follower');
		return {
			appId: data.appId || (account && account.value) || null,
			openid: data.openid || (follower && follower.value) || null
		};
	}

	function sync(detail) {
		const wanted = (detail && detail.appId !== undefined) ? { appId: detail.appId || null, openid: detail.openid || null }
			: selection();
		if (wanted.appId === state.appId && wanted.openid === state.openid) {
			return;
		}
		const appChanged = wanted.appId !== state.appId;
		state.appId = wanted.appId;
		state.openid = wanted.openid;
		state.streams.forEach((stream) => stream.close());
		state.streams = [];
		state.deliveries.clear();
		if (appChanged) {
			state.calls.clear();
			renderCalls();
			refreshFaults();
			loadQuotas();
		}
		renderDeliveries();
		watch();
	}

	function watch() {
		if (!state.appId) {
			return;
		}
		const base = app(state.appId);
		state.streams.push(stream(`${base}/api-calls/events`, state.calls, renderCalls, refreshFaultsSoon));
		if (state.openid) {
			state.streams.push(stream(`${base}/deliveries/events?openid=${encodeURIComponent(state.openid)}`,
				state.deliveries, renderDeliveries));
		}
	}

	// history replaces, entry adds; entries are keyed by id, so one seen twice shows once
	function stream(url, entries, render, onEntry) {
		const events = new EventSource(url);
		events.addEventListener('history', (message) => {
			entries.clear();
			JSON.parse(message.data).forEach((entry) => entries.set(entry.id, entry));
			render();
		});
		events.addEventListener('entry', (message) => {
			const entry = JSON.parse(message.data);
			entries.set(entry.id, entry);
			if (entries.size > 200) {
				entries.delete(Math.min(...entries.keys()));
			}
			render();
			if (onEntry) {
				onEntry(entry);
			}
		});
		return events;
	}

	// a call may have used up a fault
	let faultTimer = null;
	function refreshFaultsSoon() {
		clearTimeout(faultTimer);
		faultTimer = setTimeout(refreshFaults, 200);
	}

	document.addEventListener('DOMContentLoaded', () => {
		const section = $('developer');
		if (!section) {
			return;
		}
		build(section);
		renderFaults([]);
		document.addEventListener('console:selection', (event) => sync(event.detail));
		['account', 'follower'].forEach((id) => {
			const select = $(id);
			if (select) {
				select.addEventListener('change', () => sync());
				new MutationObserver(() => sync()).observe(select, { childList: true });
			}
		});
		// a page that sets its selection without an event is still followed
		setInterval(() => sync(), 1000);
		sync();
	});
})();
