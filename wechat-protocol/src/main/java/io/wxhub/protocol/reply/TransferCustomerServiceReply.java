package io.wxhub.protocol.reply;

/**
 * Hands the conversation to the customer-service system instead of replying.
 *
 * @param kfAccount {@code TransInfo.KfAccount}: a specific agent, or {@code null} for any
 */
public record TransferCustomerServiceReply(String kfAccount) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "transfer_customer_service";

	@Override
	public String msgType() {
		return TYPE;
	}

}
