import { spawnSync } from 'node:child_process';

/** `qpdf --check` exit status: 0 for a structurally valid PDF (3 = warnings only, 2 = errors). */
export function qpdfCheck(pdf: string): number | null {
  return spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).status;
}

/** The text of a PDF as poppler extracts it. */
export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

export interface StructElement {
  type: string;
  alt: string | null;
  placement: string | null;
}

/** The structure elements of a tagged PDF (type, /Alt, /Placement), read with `qpdf --json`. */
export function structElements(pdf: string): StructElement[] {
  const json = JSON.parse(
    spawnSync('qpdf', ['--json', '--json-key=qpdf', pdf], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout,
  ) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:|^\//, '') : null);
  return Object.values(json.qpdf[1]).flatMap(({ value }) => {
    if (!value || typeof value['/S'] !== 'string' || !('/P' in value)) return [];
    const attrs = (value['/A'] ?? {}) as Record<string, unknown>;
    return [{ type: value['/S'].slice(1), alt: text(value['/Alt']), placement: text(attrs['/Placement']) }];
  });
}
