import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of a link (the join link, a shared report), drawn locally: no third-party service sees the address. */
export function JoinQr({ url, alt = `QR code to join: ${url}` }: { url: string; alt?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 560, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <img className="board-qr" src={src} alt={alt} /> : <div className="board-qr" aria-hidden="true" />;
}
