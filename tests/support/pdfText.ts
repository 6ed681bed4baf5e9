import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (what a person would copy out of the file). */
export const pdfText = (bytes: Uint8Array): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

/** Whether the bytes are a PDF file. */
export const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
