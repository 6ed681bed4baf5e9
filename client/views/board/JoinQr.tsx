import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of the join link, drawn locally (no third-party service sees the code). */
export function JoinQr({ url }: { url: string }) {
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
  return src ? <img className="board-qr" src={src} alt={`QR code to join: ${url}`} /> : <div className="board-qr" aria-hidden="true" />;
}
