import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReportFonts } from '../shared/report/pdf.js';

const require = createRequire(import.meta.url);

/** Where the npm package keeps the two weights the report uses (the browser imports the same files with `?url`). */
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

let loading: Promise<ReportFonts> | null = null;

/** Noto Sans regular and bold from node_modules, read once per process. */
export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([readFile(require.resolve(FONT_FILES.regular)), readFile(require.resolve(FONT_FILES.bold))]).then(
    ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
  );
  return loading;
}
