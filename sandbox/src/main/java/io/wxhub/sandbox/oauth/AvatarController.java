package io.wxhub.sandbox.oauth;

import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The followers' avatars that {@code headimgurl} points to: a coloured square with the
 * first character of the nickname, in WeChat's sizes (0 is 640 px).
 */
@RestController
class AvatarController {

	private static final Set<Integer> SIZES = Set.of(0, 46, 64, 96, 132);

	private static final String[] COLOURS = { "#07c160", "#10aeff", "#fa9d3b", "#fa5151", "#6467f0", "#1485ee" };

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final WebAuthProfiles profiles;

	AvatarController(WebAuthProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/sandbox/apps/{appId}/followers/{openid}/avatar/{size}")
	ResponseEntity<String> avatar(@PathVariable String appId, @PathVariable String openid, @PathVariable int size) {
		FollowerProfile profile = this.profiles.find(appId, openid)
			.filter((found) -> SIZES.contains(size))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		int pixels = (size == 0) ? 640 : size;
		String colour = COLOURS[Math.floorMod(openid.hashCode(), COLOURS.length)];
		String initial = HtmlUtils.htmlEscape(profile.nickname().substring(0, 1), "UTF-8");
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%1$d" viewBox="0 0 100 100">\
				<rect width="100" height="100" fill="%2$s"/>\
				<text x="50" y="66" font-size="46" text-anchor="middle" fill="#fff" \
				font-family="PingFang SC,Microsoft YaHei,sans-serif">%3$s</text></svg>
				""".formatted(pixels, colour, initial);
		return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noCache()).body(svg);
	}

}
