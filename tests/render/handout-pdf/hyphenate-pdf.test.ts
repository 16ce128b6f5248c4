import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../helpers/project.js';
import { runDeckhand } from '../../helpers/run-cli.js';
import { shownTexts } from '../../helpers/pdf.js';

// The real thing: a narrow measure (24 pt type) full of long English and Spanish words, built by the
// CLI, read back with poppler. Copy and paste must give whole words: no hyphen, space or line break
// inside a word that was split at a line end.
const text = (pdf: string, ...args: string[]) =>
  spawnSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
const pages = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
const words = (s: string) => s.split(/[^\p{L}\p{M}]+/u).filter(Boolean);

let dir: string;
const pdf = (topic: string, audience: string) => join(dir, 'output', topic, audience, 'handout.pdf');
const TOPICS = { transplant: 'en-US', trasplante: 'es-US' } as const;

beforeAll(async () => {
  dir = project('hyphenation');
  const r = await runDeckhand(['build', '-f', 'handout,notes'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

/** Lines of `pdftotext -raw` (content order, no de-hyphenation) that end in a split word's hyphen. */
function splitLines(file: string): string[] {
  return text(file, '-raw')
    .split('\n')
    .filter((l) => /\p{L}-$/u.test(l));
}

describe('hyphenated handouts (pdftotext)', () => {
  for (const [topic, lang] of Object.entries(TOPICS)) {
    const body = () =>
      (parse(readFileSync(join(dir, 'content', `${topic}.yaml`), 'utf8')) as { sections: { body: string }[] })
        .sections[0]!.body;

    it(`${lang}: audiences without a reading target, or that opt in, split words; patient does not`, () => {
      expect(splitLines(pdf(topic, 'clinician')).length).toBeGreaterThanOrEqual(3);
      expect(splitLines(pdf(topic, 'student')).length).toBeGreaterThanOrEqual(3);
      expect(splitLines(pdf(topic, 'patient'))).toEqual([]);
    });

    it(`${lang}: every word of the source comes out whole, in order, in every audience`, () => {
      const source = words(body());
      for (const audience of ['patient', 'student', 'clinician']) {
        const out = words(text(pdf(topic, audience)));
        // In order: each source word is found after the one before it.
        let at = 0;
        for (const w of source) {
          const found = out.indexOf(w, at);
          expect(found, `"${w}" whole in ${topic}/${audience}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
        // Nothing extra: no half words left over from a split.
        const full = text(pdf(topic, audience));
        const byline = full.split('\n').find((l) => l.includes(' · ')) ?? '';
        const known = new Set(words(`${body()} ${text(pdf(topic, 'patient'))} ${byline}`));
        expect(out.filter((w) => !known.has(w))).toEqual([]);
      }
    });

    it(`${lang}: the split halves in the PDF are the source's words, cut at a syllable`, () => {
      const raw = text(pdf(topic, 'clinician'), '-raw').split('\n');
      const source = new Set(words(body()));
      for (let i = 0; i < raw.length - 1; i++) {
        const m = /(\p{L}+)-$/u.exec(raw[i]!);
        if (!m) continue;
        const rest = /^\p{L}+/u.exec(raw[i + 1]!)![0];
        expect(source.has(m[1]! + rest), `${m[1]}- ${rest}`).toBe(true);
        expect(m[1]!.length).toBeGreaterThanOrEqual(2);
        expect(rest.length).toBeGreaterThanOrEqual(3);
      }
    });

    it(`${lang}: no word is split across a page`, () => {
      const file = pdf(topic, 'clinician');
      for (let p = 1; p <= pages(file); p++) {
        const lines = text(file, '-raw', '-f', String(p), '-l', String(p))
          .split('\n')
          .filter((l) => l.trim() && !/\d+ (of|de) \d+$/.test(l));
        expect(lines.at(-1), `page ${p}`).not.toMatch(/-$/);
      }
    });
  }
});

describe('hyphenated notes pages (the printouts typeset notes like the handout)', () => {
  it('splits the speaker notes for clinicians, never for patients, and extracts every word whole', () => {
    const notes = (audience: string) => join(dir, 'output/transplant', audience, 'notes.pdf');
    const source = words(
      (parse(readFileSync(join(dir, 'content/transplant.yaml'), 'utf8')) as { sections: { notes: string }[] })
        .sections[0]!.notes,
    );
    expect(splitLines(notes('clinician')).length).toBeGreaterThanOrEqual(1);
    expect(splitLines(notes('patient'))).toEqual([]);
    for (const audience of ['patient', 'clinician']) {
      const out = words(text(notes(audience)));
      for (const w of source) expect(out, `"${w}" whole in notes.pdf for ${audience}`).toContain(w);
    }
  });
});

describe('hyphenated handouts (tagged content)', () => {
  it('draws every line-end hyphen as an artifact, so the structure holds each split word whole', () => {
    for (const topic of Object.keys(TOPICS)) {
      const shown = shownTexts(pdf(topic, 'clinician'));
      const hyphens = shown.filter((s) => s.text === '-');
      expect(hyphens.length).toBeGreaterThanOrEqual(3);
      for (const h of hyphens) expect(h.tags).toEqual(['Artifact']);
      // The content itself has no line-end hyphen at all.
      const content = shown.filter((s) => s.tags[0] === 'P');
      expect(content.length).toBeGreaterThan(5);
      expect(content.some((s) => /-$/.test(s.text))).toBe(false);
    }
  });
});
