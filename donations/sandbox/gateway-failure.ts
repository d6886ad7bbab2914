/**
 * A refusal by the fake Alipay gateway, in Alipay's own terms: `sub_code` (`ACQ.*` for business
 * refusals, `isv.*` for bad requests) and `sub_msg`. The gateway turns it into a signed error answer.
 */
export class GatewayFailure extends Error {
  constructor(
    readonly subCode: string,
    readonly subMsg: string,
  ) {
    super(subMsg);
  }
}
