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
