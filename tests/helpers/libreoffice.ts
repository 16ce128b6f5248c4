import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's `soffice`, if installed (.ci/run installs libreoffice-impress-nogui when it is missing). */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/**
 * Converts decks (name → .pptx path) to PDF in ONE soffice run (its start-up dominates), with a private
 * profile so it neither reads nor disturbs a user's; each PDF holds the slides, then their notes pages.
 * Returns name → the PDF path soffice should have written: soffice can exit 0 without writing anything,
 * so callers check that each exists.
 */
export function convertToPdf(
  soffice: string,
  decks: Record<string, string>,
): { pdfs: Record<string, string>; log: string } {
  const input = mkdtempSync(join(tmpdir(), 'deckhand-lo-in-'));
  const out = mkdtempSync(join(tmpdir(), 'deckhand-lo-out-'));
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'deckhand-lo-profile-'))).href;
  const files = Object.entries(decks).map(([name, path]) => {
    const copy = join(input, `${name}.pptx`);
    copyFileSync(path, copy);
    return copy;
  });
  const filter = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}';
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      filter,
      '--outdir',
      out,
      ...files,
    ],
    { encoding: 'utf8', timeout: 150_000 },
  );
  return {
    pdfs: Object.fromEntries(Object.keys(decks).map((name) => [name, join(out, `${name}.pdf`)])),
    log: `exit ${r.status}\n${r.stdout}\n${r.stderr}`,
  };
}
