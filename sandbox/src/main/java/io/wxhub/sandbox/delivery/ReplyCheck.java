package io.wxhub.sandbox.delivery;

/**
 * One check WeChat makes of a callback's answer, in the order it makes them; the first
 * failed check is the last one listed, since WeChat stops there.
 *
 * @param check what was checked: {@code xml} (well-formed {@code <xml>}), {@code mode}
 * (encrypted or plaintext, as the account's mode allows), {@code signature}
 * ({@code MsgSignature}), {@code decryption} (EncodingAESKey and AppID), {@code reply} (a
 * known reply type with its fields), {@code toUserName}, {@code fromUserName}, or
 * {@code empty} for an answer with nothing to check
 * @param passed whether it passed
 * @param detail what was found, in words
 */
public record ReplyCheck(String check, boolean passed, String detail) {

	/**
	 * @return a passed check
	 */
	public static ReplyCheck pass(String check, String detail) {
		return new ReplyCheck(check, true, detail);
	}

	/**
	 * @return a failed check
	 */
	public static ReplyCheck fail(String check, String detail) {
		return new ReplyCheck(check, false, detail);
	}

}
