import { spawnSync } from 'node:child_process';

/** `qpdf --check` exit status: 0 for a structurally valid PDF (3 = warnings only, 2 = errors). */
export function qpdfCheck(pdf: string): number | null {
  return spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).status;
}

/** The text of a PDF as poppler extracts it. */
export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}
