// A QR code drawn in the browser from a text (qrcode → data URL), with a text alternative for screen readers.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({ text, size = 220, alt }: { text: string; size?: number; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text, size]);
  if (failed) return <p className="tb-muted">二维码生成失败，请使用下方的核验码。</p>;
  return src ? (
    <img className="tb-qr" src={src} width={size} height={size} alt={alt} />
  ) : (
    <span className="tb-qr tb-qr-pending" style={{ width: size, height: size }} role="status">
      <span className="tb-sr-only">二维码生成中…</span>
    </span>
  );
}
