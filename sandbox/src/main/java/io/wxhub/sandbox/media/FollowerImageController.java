package io.wxhub.sandbox.media;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A picture a simulated follower sends (the console's image upload): it becomes temporary
 * media of the account, as WeChat stores a follower's picture, so that the pushed
 * {@code MediaId} works with {@code media/get} and the {@code PicUrl} is served by the
 * sandbox. Only PNG, JPEG and GIF, recognised by their first bytes, up to WeChat's 10 MB.
 */
@RestController
class FollowerImageController {

	private static final URI INVALID_IMAGE = URI.create("https://wxhub.io/problems/sandbox/invalid-image");

	private final AccountRegistry accounts;

	private final MediaStore store;

	FollowerImageController(AccountRegistry accounts, MediaStore store) {
		this.accounts = accounts;
		this.store = store;
	}

	@PostMapping("/sandbox/apps/{appId}/media")
	FollowerImage upload(@PathVariable String appId, @RequestParam(name = "media", required = false) MultipartFile file)
			throws IOException {
		this.accounts.require(appId);
		if (file == null || file.isEmpty()) {
			throw invalid(HttpStatus.BAD_REQUEST, "Send the picture as the multipart part 'media'");
		}
		if (file.getSize() > MediaKind.IMAGE.maxBytes()) {
			throw invalid(HttpStatus.CONTENT_TOO_LARGE, "A picture is at most 10 MB");
		}
		byte[] content = file.getBytes();
		ImageFormat format = ImageFormat.of(content)
			.orElseThrow(() -> invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Only PNG, JPEG and GIF pictures"));
		// the type is the one recognised, never the one claimed, so nothing else is
		// served
		Media media = this.store.put(appId, MediaKind.IMAGE, "image." + format.extension(), format.contentType(),
				content);
		String picUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(MediaController.SANDBOX_MEDIA)
			.buildAndExpand(media.mediaId())
			.toUriString();
		return new FollowerImage(media.mediaId(), picUrl, format.contentType(), content.length, media.createdAt());
	}

	private static ErrorResponseException invalid(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(INVALID_IMAGE);
		problem.setTitle("Invalid image");
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * @param mediaId the {@code MediaId} of the image message to send
	 * @param picUrl its {@code PicUrl}, served by the sandbox
	 * @param contentType the recognised type
	 * @param size the bytes stored
	 * @param createdAt when it was stored (media expire 3 days later)
	 */
	record FollowerImage(String mediaId, String picUrl, String contentType, int size, Instant createdAt) {
	}

}
