/**
 * Renders a report PDF off the main thread, so the console stays responsive while a whole day is drawn. Loads
 * jspdf and the fonts only here: none of it is in the phone's first load.
 */
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import { renderPdf, type ReportFonts } from '../../shared/report/pdf.js';
import { FONTS_FAILED, RENDER_FAILED, type PdfReply, type PdfRequest } from './pdfWorkerMessages.js';

interface WorkerScope {
  postMessage(message: PdfReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<PdfRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let fonts: Promise<ReportFonts> | null = null;

async function bytesOf(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function loadFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([bytesOf(regularUrl), bytesOf(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  fonts.catch(() => (fonts = null));
  return fonts;
}

scope.onmessage = (e) => {
  void (async () => {
    let loaded: ReportFonts;
    try {
      loaded = await loadFonts();
    } catch {
      return scope.postMessage({ type: 'error', message: FONTS_FAILED });
    }
    try {
      let posted = 0;
      const bytes = renderPdf(e.data.doc, {
        fonts: loaded,
        paper: e.data.paper,
        // About a hundred steps at most, whatever the size of the day.
        onProgress: (done, total) => {
          if (done === total || done - posted >= total / 100) scope.postMessage({ type: 'progress', done: (posted = done), total });
        },
      });
      scope.postMessage({ type: 'done', bytes }, [bytes.buffer]);
    } catch {
      scope.postMessage({ type: 'error', message: RENDER_FAILED });
    }
  })();
};
