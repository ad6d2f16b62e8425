package io.wxhub.sandbox.media;

import java.time.Duration;
import java.util.Random;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Download;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class MediaApiTests extends SandboxTestSupport {

	private static final int MB = 1024 * 1024;

	private String token;

	@BeforeEach
	void token() {
		this.token = classicToken();
	}

	@Test
	void fiveMegabyteImageRoundTripsByteForByte() {
		byte[] content = bytes(5 * MB);
		Reply uploaded = upload("image", "photo.PNG", "image/png", content);
		assertThat(uploaded.errcode()).as(uploaded.body()).isZero();
		assertThat(uploaded.text("type")).isEqualTo("image");
		String mediaId = uploaded.text("media_id");
		assertThat(mediaId).matches("[A-Za-z0-9_-]{64}");
		assertThat(uploaded.json().path("created_at").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		Download download = download(mediaId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.headers().getContentType().toString()).isEqualTo("image/png");
		assertThat(download.headers().getFirst("Content-disposition"))
			.isEqualTo("attachment; filename=\"" + mediaId + ".png\"");
		assertThat(download.body()).isEqualTo(content);
	}

	@Test
	void extensionFallsBackToTheType() {
		String voice = upload("voice", "recording", "audio/amr", bytes(10)).text("media_id");
		assertThat(download(voice).headers().getFirst("Content-disposition")).endsWith(voice + ".amr\"");
		assertThat(download(voice).headers().getContentType().toString()).isEqualTo("audio/amr");
	}

	@Test
	void videosAnswerADownloadUrl() {
		byte[] content = bytes(100_000);
		String mediaId = upload("video", "clip.mp4", "video/mp4", content).text("media_id");
		Reply reply = download(mediaId).reply();
		String url = "http://127.0.0.1:" + this.port + "/sandbox/media/" + mediaId;
		assertThat(reply.body()).isEqualTo("{\"video_url\":\"" + url + "\"}");
		Download video = this.http.download("/sandbox/media/{id}", mediaId);
		assertThat(video.headers().getContentType().toString()).isEqualTo("video/mp4");
		assertThat(video.body()).isEqualTo(content);
		assertThat(this.http.get("/sandbox/media/{id}", "nope").status()).isEqualTo(404);
	}

	@Test
	void sizesAreLimitedPerType() {
		Reply image = upload("image", "big.jpg", "image/jpeg", bytes(11 * MB));
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.errcode()).isEqualTo(45001);
		assertThat(image.errmsg()).matches("media size out of limit" + RID);
		assertThat(upload("image", "max.jpg", "image/jpeg", bytes(10 * MB)).errcode()).isZero();
		assertThat(upload("voice", "v.mp3", "audio/mpeg", bytes(2 * MB + 1)).errcode()).isEqualTo(45001);
		assertThat(upload("video", "v.mp4", "video/mp4", bytes(10 * MB + 1)).errcode()).isEqualTo(45001);
		assertThat(upload("thumb", "t.jpg", "image/jpeg", bytes(64 * 1024 + 1)).errcode()).isEqualTo(45001);
		assertThat(upload("thumb", "t.jpg", "image/jpeg", bytes(64 * 1024)).errcode()).isZero();
	}

	@Test
	void uploadsBeyondTheServersLimitAreAlso45001() {
		Reply reply = upload("video", "huge.mp4", "video/mp4", bytes(22 * MB));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errcode()).isEqualTo(45001);
		assertThat(useToken(this.token)).isZero();
	}

	@Test
	void typeAndFileAreChecked() {
		Reply badType = upload("file", "a.jpg", "image/jpeg", bytes(10));
		assertThat(badType.errcode()).isEqualTo(40004);
		assertThat(badType.errmsg()).isEqualTo("invalid media type");
		assertThat(this.http
			.upload("/cgi-bin/media/upload?access_token={t}", SandboxHttp.media("a.jpg", "image/jpeg", bytes(10)),
					this.token)
			.errcode()).isEqualTo(40004);
		MultiValueMap<String, Object> wrongPart = new LinkedMultiValueMap<>();
		wrongPart.add("file", SandboxHttp.file("a.jpg", "image/jpeg", bytes(10)));
		Reply missing = this.http.upload("/cgi-bin/media/upload?access_token={t}&type=image", wrongPart, this.token);
		assertThat(missing.errcode()).isEqualTo(41005);
		assertThat(missing.errmsg()).matches("media data missing" + RID);
		assertThat(this.http.post("/cgi-bin/media/upload?access_token={t}&type=image", "{}", this.token).errcode())
			.isEqualTo(41005);
		assertThat(upload("image", "a.jpg", "image/jpeg", new byte[0]).errcode()).isEqualTo(44001);
		assertThat(this.http
			.upload("/cgi-bin/media/upload?type=image", SandboxHttp.media("a.jpg", "image/jpeg", bytes(10)))
			.errcode()).isEqualTo(41001);
	}

	@Test
	void unknownForeignAndExpiredMediaAre40007() {
		Reply unknown = download("NO_SUCH_MEDIA").reply();
		assertThat(unknown.errcode()).isEqualTo(40007);
		assertThat(unknown.errmsg()).isEqualTo("invalid media_id");
		assertThat(this.http.get("/cgi-bin/media/get?access_token={t}", this.token).errcode()).isEqualTo(41006);
		String mediaId = upload("image", "a.gif", "image/gif", bytes(10)).text("media_id");
		String otherToken = token(APP2, SECRET2).text("access_token");
		assertThat(this.http.get("/cgi-bin/media/get?access_token={t}&media_id={m}", otherToken, mediaId).errcode())
			.isEqualTo(40007);
		advance(Duration.ofDays(3).minusSeconds(1));
		this.token = classicToken();
		assertThat(download(mediaId).status()).isEqualTo(200);
		assertThat(download(mediaId).headers().getContentType().toString()).isEqualTo("image/gif");
		advance(Duration.ofSeconds(1));
		assertThat(download(mediaId).reply().errcode()).isEqualTo(40007);
	}

	private Reply upload(String type, String filename, String contentType, byte[] content) {
		return this.http.upload("/cgi-bin/media/upload?access_token={t}&type={type}",
				SandboxHttp.media(filename, contentType, content), this.token, type);
	}

	private Download download(String mediaId) {
		return this.http.download("/cgi-bin/media/get?access_token={t}&media_id={m}", this.token, mediaId);
	}

	private static byte[] bytes(int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		return content;
	}

}
