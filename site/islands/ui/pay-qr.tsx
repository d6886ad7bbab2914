/**
 * The pay QR image the API made (`pay.qrImage`, a PNG data URL checked by donate-flow.ts) with
 * what to do with it; the link itself stays beside it as text, the fallback when there is no image
 * or the camera cannot read the screen.
 */
export function PayQr({ image, caption }: { image: string | undefined; caption: string }) {
  if (!image) return null;
  return (
    <figure className="pay-qr">
      <img className="pay-qr__image" src={image} alt="支付宝付款二维码" width={240} height={240} data-pay-qr="" />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The link as text to copy — never an `<a>`, where following it would be the wrong move. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );
}
