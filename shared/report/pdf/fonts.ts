import type { jsPDF } from 'jspdf';

/** The TrueType fonts the PDF embeds (read by the server from node_modules, fetched by the browser). */
export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** A typeface as jspdf names it: a family and a style. */
export interface Face {
  family: string;
  style: 'normal' | 'bold';
}

export interface Faces {
  regular: Face;
  bold: Face;
}

// Each weight is its own family so the PDF names them apart; the tag before "+" marks an embedded subset.
const NOTO: Faces = { regular: { family: 'RPTREG+NotoSans-Regular', style: 'normal' }, bold: { family: 'RPTBLD+NotoSans-Bold', style: 'normal' } };
const HELVETICA: Faces = { regular: { family: 'helvetica', style: 'normal' }, bold: { family: 'helvetica', style: 'bold' } };

// jspdf keeps font files as binary strings; converting half a megabyte each time would cost every render.
const binaries = new WeakMap<Uint8Array, string>();

function binary(bytes: Uint8Array): string {
  const known = binaries.get(bytes);
  if (known !== undefined) return known;
  const chunks: string[] = [];
  // apply() takes the typed array as it is; spreading it would first copy each chunk into an array.
  for (let i = 0; i < bytes.length; i += 0x2000) chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]));
  const s = chunks.join('');
  binaries.set(bytes, s);
  return s;
}

/**
 * Embeds Noto Sans (regular and bold; jspdf writes only the glyphs used) and returns the faces to set text in.
 * Without fonts the PDF falls back to Helvetica, which has no glyphs beyond Latin-1.
 */
export function registerFonts(pdf: jsPDF, fonts: ReportFonts | null): Faces {
  if (!fonts) return HELVETICA;
  pdf.addFileToVFS('NotoSans-Regular.ttf', binary(fonts.regular));
  pdf.addFont('NotoSans-Regular.ttf', NOTO.regular.family, 'normal');
  pdf.addFileToVFS('NotoSans-Bold.ttf', binary(fonts.bold));
  pdf.addFont('NotoSans-Bold.ttf', NOTO.bold.family, 'normal');
  return NOTO;
}

/** Read one property of something jspdf keeps untyped. */
const prop = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null ? Reflect.get(o, key) : undefined);

/** The characters a face has glyphs for (code point -> glyph), or null for the built-in fonts. */
export function coverage(pdf: jsPDF, face: Face): Record<number, number> | null {
  pdf.setFont(face.family, face.style);
  const map = prop(prop(prop(prop(pdf.getFont(), 'metadata'), 'cmap'), 'unicode'), 'codeMap');
  return typeof map === 'object' && map !== null ? (map as Record<number, number>) : null;
}

/**
 * `text` as the face can print it: a character it has no glyph for (emoji, Chinese...) becomes "�" so the
 * reader sees that something stood there, instead of it vanishing; control characters other than newlines go.
 */
export function printable(text: string, glyphs: Record<number, number> | null): string {
  if (!/[^\x20-\x7e\n]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 10 || cp === 9) out += ch;
    else if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) continue;
    else out += glyphs === null || glyphs[cp] !== undefined ? ch : '\uFFFD';
  }
  return out;
}
