package io.wxhub.sandbox.fault;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A fault to inject into the next calls of one API path of one app.
 *
 * @param path the API path, e.g. {@code /cgi-bin/token}
 * @param count how many calls it affects; {@code null} until cleared
 * @param errcode answer this WeChat errcode (HTTP 200), if set
 * @param errmsg the errmsg to send with it; WeChat's own when {@code null}
 * @param delayMillis wait this long before answering
 * @param httpStatus answer this HTTP status instead, if set
 */
public record Fault(@NotBlank @Pattern(regexp = "/.*") String path, @Positive Integer count, Integer errcode,
		String errmsg, @PositiveOrZero @Max(60_000) Long delayMillis, @Min(100) @Max(599) Integer httpStatus) {

	/**
	 * @return whether the call still goes on to the real handler after the delay
	 */
	public boolean passesThrough() {
		return this.errcode == null && this.httpStatus == null;
	}

	/**
	 * @return the delay, 0 when not set
	 */
	public long delay() {
		return (this.delayMillis != null) ? this.delayMillis : 0;
	}

	Fault consumedOnce() {
		return new Fault(this.path, (this.count != null) ? this.count - 1 : null, this.errcode, this.errmsg,
				this.delayMillis, this.httpStatus);
	}

}
