package io.wxhub.sandbox.media;

import java.util.Arrays;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Download;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's picture upload: a follower's picture becomes the account's temporary
 * media, served at its {@code PicUrl} and fetched by {@code media/get} with its
 * {@code MediaId}; anything else is refused whole, as problem+json.
 */
class FollowerImageTests extends SandboxTestSupport {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final String PATH = "/sandbox/apps/{app}/media";

	@Test
	void aPictureBecomesMediaOfTheAccountWithALinkTheSandboxServes() {
		byte[] png = png(300);
		// the claimed type is ignored: the bytes say PNG
		Reply reply = this.http.upload(PATH, SandboxHttp.media("照片.png", "text/html", png), APP);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		String mediaId = reply.text("mediaId");
		assertThat(mediaId).matches("[A-Za-z0-9_-]{64}");
		assertThat(reply.text("picUrl")).isEqualTo("http://127.0.0.1:" + this.port + "/sandbox/media/" + mediaId);
		assertThat(reply.text("contentType")).isEqualTo("image/png");
		assertThat(reply.json().path("size").asInt()).isEqualTo(png.length);

		Download served = this.http.download("/sandbox/media/{id}", mediaId);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.headers().getContentType().toString()).isEqualTo("image/png");
		assertThat(served.body()).isEqualTo(png);
		Download viaApi = this.http.download("/cgi-bin/media/get?access_token={t}&media_id={m}", classicToken(),
				mediaId);
		assertThat(viaApi.body()).isEqualTo(png);
		// the account's media, not another's
		String otherToken = token(APP2, SECRET2).text("access_token");
		assertThat(this.http.get("/cgi-bin/media/get?access_token={t}&media_id={m}", otherToken, mediaId).errcode())
			.isEqualTo(40007);
	}

	@Test
	void jpegAndGifAreTakenToo() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 };
		Reply reply = this.http.upload(PATH, SandboxHttp.media("a.jpg", "image/jpeg", jpeg), APP);
		assertThat(reply.text("contentType")).as(reply.body()).isEqualTo("image/jpeg");
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(this.http.upload(PATH, SandboxHttp.media("b.gif", "image/gif", gif), APP2).text("contentType"))
			.isEqualTo("image/gif");
	}

	@Test
	void somethingElseThanAPictureIsRefused() {
		Reply svg = this.http.upload(PATH,
				SandboxHttp.media("x.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()),
				APP);
		assertThat(svg.status()).isEqualTo(415);
		assertThat(svg.contentType().toString()).startsWith("application/problem+json");
		assertThat(svg.text("type")).isEqualTo("https://wxhub.io/problems/sandbox/invalid-image");
		assertThat(svg.text("detail")).isEqualTo("Only PNG, JPEG and GIF pictures");
		// just the signature is not a picture either
		assertThat(this.http.upload(PATH, SandboxHttp.media("x.png", "image/png", PNG_SIGNATURE), APP).status())
			.isEqualTo(415);

		Reply empty = this.http.upload(PATH, SandboxHttp.media("x.png", "image/png", new byte[0]), APP);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.contentType().toString()).startsWith("application/problem+json");
		LinkedMultiValueMap<String, Object> wrongPart = new LinkedMultiValueMap<>();
		wrongPart.add("file", SandboxHttp.file("x.png", "image/png", png(10)));
		Reply missing = this.http.upload(PATH, wrongPart, APP);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("detail")).contains("'media'");
	}

	@Test
	void aPictureOverTenMegabytesIsRefused() {
		Reply reply = this.http.upload(PATH, SandboxHttp.media("big.png", "image/png", png(10 * 1024 * 1024 + 1)), APP);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
		assertThat(reply.text("detail")).isEqualTo("A picture is at most 10 MB");
		assertThat(
				this.http.upload(PATH, SandboxHttp.media("ok.png", "image/png", png(10 * 1024 * 1024)), APP).status())
			.isEqualTo(200);
	}

	@Test
	void anUnknownAppIsNotFound() {
		Reply reply = this.http.upload(PATH, SandboxHttp.media("x.png", "image/png", png(10)), "nope");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
		assertThat(reply.text("appId")).isEqualTo("nope");
	}

	private static byte[] png(int size) {
		byte[] content = Arrays.copyOf(PNG_SIGNATURE, size);
		Arrays.fill(content, PNG_SIGNATURE.length, size, (byte) 7);
		return content;
	}

}
