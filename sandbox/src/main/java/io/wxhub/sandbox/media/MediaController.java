package io.wxhub.sandbox.media;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class MediaController {

	static final String SANDBOX_MEDIA = "/sandbox/media/{mediaId}";

	private final MediaStore store;

	MediaController(MediaStore store) {
		this.store = store;
	}

	@PostMapping(CgiPaths.MEDIA_UPLOAD)
	UploadResponse upload(AuthorizedApp app, @RequestParam(required = false) String type,
			@RequestParam(name = "media", required = false) MultipartFile file) throws IOException {
		MediaKind kind = MediaKind.of(type).orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_MEDIA_TYPE));
		if (file == null) {
			throw WeChatErrors.of(WeChatErrorCode.MEDIA_DATA_MISSING);
		}
		if (file.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.EMPTY_MEDIA_DATA);
		}
		if (file.getSize() > kind.maxBytes()) {
			throw WeChatErrors.of(WeChatErrorCode.MEDIA_SIZE_OUT_OF_LIMIT);
		}
		Media media = this.store.put(app.appId(), kind, file.getOriginalFilename(), contentType(file.getContentType()),
				file.getBytes());
		return new UploadResponse(kind.wireName(), media.mediaId(), media.createdAt().getEpochSecond());
	}

	// videos are not sent inline: WeChat answers with a download URL instead
	@GetMapping(CgiPaths.MEDIA_GET)
	ResponseEntity<?> get(AuthorizedApp app, @RequestParam(name = "media_id", required = false) String mediaId) {
		if (mediaId == null || mediaId.isBlank()) {
			throw WeChatErrors.of(WeChatErrorCode.MEDIA_ID_MISSING);
		}
		Media media = this.store.find(app.appId(), mediaId)
			.orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_MEDIA_ID));
		if (media.kind() == MediaKind.VIDEO) {
			String url = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path(SANDBOX_MEDIA)
				.buildAndExpand(media.mediaId())
				.toUriString();
			return ResponseEntity.ok(new VideoUrl(url));
		}
		return download(media);
	}

	@GetMapping(SANDBOX_MEDIA)
	ResponseEntity<byte[]> file(@PathVariable String mediaId) {
		Media media = this.store.find(mediaId)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No media " + mediaId), null));
		return download(media);
	}

	private static ResponseEntity<byte[]> download(Media media) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(media.contentType()))
			.header("Content-disposition", "attachment; filename=\"" + media.mediaId() + "." + media.extension() + "\"")
			.body(media.content());
	}

	private static String contentType(String given) {
		try {
			return (given != null) ? MediaType.parseMediaType(given).toString()
					: MediaType.APPLICATION_OCTET_STREAM_VALUE;
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM_VALUE;
		}
	}

	record UploadResponse(String type, @JsonProperty("media_id") String mediaId,
			@JsonProperty("created_at") long createdAt) {
	}

	record VideoUrl(@JsonProperty("video_url") String videoUrl) {
	}

}
