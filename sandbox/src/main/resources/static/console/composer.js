// The composer's "+" panel, as in WeChat: send a picture from disk, a location or a link.
// Each is checked on the page first, as the sandbox's JSON endpoints would check it, so a
// refused input shows why and sends nothing.
'use strict';

(function () {
	const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];
	const IMAGE_LIMIT = 10 * 1024 * 1024;
	const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

	const $ = (id) => document.getElementById(id);
	const core = window.sandboxConsole;

	// ---- the panel ----

	function toggleExtras(open) {
		const extras = $('extras');
		const show = (open === undefined) ? extras.hidden : open;
		extras.hidden = !show;
		$('more').setAttribute('aria-expanded', String(show));
		if (!show) {
			showForm(null);
		}
	}

	function showForm(id) {
		[['location-form', 'choose-location'], ['link-form', 'choose-link']].forEach(([form, button]) => {
			const open = form === id && $(form).hidden;
			$(form).hidden = !open;
			$(button).setAttribute('aria-expanded', String(open));
			if (open) {
				$(form).querySelector('input').focus();
			}
		});
	}

	// ---- a picture ----

	async function sendImage() {
		const input = $('image-file');
		const file = input.files && input.files[0];
		if (!file) {
			return;
		}
		try {
			const problem = imageProblem(file);
			if (problem) {
				core.notice(problem);
				return;
			}
			const { appId, openid } = core.selection();
			if (!appId || !openid) {
				core.notice('请先选择公众号和粉丝');
				return;
			}
			const form = new FormData();
			form.append('media', file, file.name);
			let uploaded;
			try {
				uploaded = await core.call('POST', `${core.app(appId)}/media`, form);
			}
			catch (error) {
				core.notice(`图片上传失败：${error.message}`);
				return;
			}
			if (await core.push({ msgType: 'image', mediaId: uploaded.mediaId, picUrl: uploaded.picUrl })) {
				toggleExtras(false);
			}
		}
		finally {
			// the same file may be chosen again
			input.value = '';
		}
	}

	function imageProblem(file) {
		if (!IMAGE_TYPES.includes(file.type)) {
			return '只能发送 PNG、JPEG 或 GIF 图片';
		}
		if (file.size === 0) {
			return '图片是空的';
		}
		if (file.size > IMAGE_LIMIT) {
			return '图片不能超过 10 MB';
		}
		return null;
	}

	// ---- a location ----

	async function sendLocation(event) {
		event.preventDefault();
		const latitude = coordinate($('latitude').value, 90);
		const longitude = coordinate($('longitude').value, 180);
		const label = $('location-label').value.trim();
		if (latitude === null) {
			return refuse('latitude', '纬度必须是 -90 到 90 之间的数');
		}
		if (longitude === null) {
			return refuse('longitude', '经度必须是 -180 到 180 之间的数');
		}
		if (label.length > 100) {
			return refuse('location-label', '位置名称不能超过 100 个字');
		}
		await sendFrom('send-location', { msgType: 'location', latitude, longitude, label }, event.target);
	}

	function coordinate(text, limit) {
		const trimmed = text.trim();
		if (!NUMBER.test(trimmed)) {
			return null;
		}
		const value = Number(trimmed);
		return (Number.isFinite(value) && value >= -limit && value <= limit) ? value : null;
	}

	// ---- a link ----

	async function sendLink(event) {
		event.preventDefault();
		const title = $('link-title').value.trim();
		const description = $('link-description').value.trim();
		const url = $('link-url').value.trim();
		if (!title) {
			return refuse('link-title', '链接的标题不能为空');
		}
		if (!description) {
			return refuse('link-description', '链接的描述不能为空');
		}
		if (!webAddress(url)) {
			return refuse('link-url', '网址必须以 http:// 或 https:// 开头');
		}
		await sendFrom('send-link', { msgType: 'link', title, description, url }, event.target);
	}

	function webAddress(text) {
		if (!/^https?:\/\//i.test(text) || text.length > 1024) {
			return false;
		}
		try {
			return !!new URL(text).host;
		}
		catch (ignored) {
			return false;
		}
	}

	// ---- shared ----

	function refuse(fieldId, message) {
		core.notice(message);
		const field = $(fieldId);
		field.form.querySelectorAll('[aria-invalid]').forEach((other) => other.removeAttribute('aria-invalid'));
		field.setAttribute('aria-invalid', 'true');
		field.focus();
	}

	// the form is emptied and closed only once the sandbox took the message
	async function sendFrom(buttonId, message, form) {
		form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
		$(buttonId).disabled = true;
		try {
			if (await core.push(message)) {
				form.reset();
				toggleExtras(false);
			}
		}
		finally {
			$(buttonId).disabled = false;
		}
	}

	document.addEventListener('DOMContentLoaded', () => {
		$('more').addEventListener('click', () => toggleExtras());
		$('choose-location').addEventListener('click', () => showForm('location-form'));
		$('choose-link').addEventListener('click', () => showForm('link-form'));
		$('image-file').addEventListener('change', sendImage);
		$('location-form').addEventListener('submit', sendLocation);
		$('link-form').addEventListener('submit', sendLink);
		document.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && !$('extras').hidden && $('extras').contains(document.activeElement)) {
				toggleExtras(false);
				$('more').focus();
			}
		});
	});
}());
