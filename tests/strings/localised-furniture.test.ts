import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { formatDate, formatNumber, languageName } from '../../src/strings/format.js';

// Every word the built-in templates and the page furniture print, in the topic's language: real
// outputs of a Spanish topic, read back with pdftotext and from the deck's Markdown.
const pdftotext = (pdf: string) => spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe('localised furniture (es-US)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = project('spanish-furniture');
    const r = await runDeckhand(['build', '-f', 'handout,slides'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.code, r.stderr).toBe(0);
  });

  it('the handout prints headings, label, date, footer and "Página X de Y" in Spanish', () => {
    const text = pdftotext(join(dir, 'output/lavado/patient/handout.pdf'));
    for (const s of [
      'Pacientes y familias',
      '24 de noviembre de 2026',
      'El mensaje principal',
      'Palabras que debe conocer',
      'Referencias',
      'Esta hoja informativa no reemplaza los consejos de su equipo de salud.',
      'Página 1 de 1',
    ])
      expect(text).toContain(s);
    for (const s of ['The main message', 'Words to know', 'References', 'Page 1', 'Patients', 'November'])
      expect(text).not.toContain(s);
  });

  it('a per-language label map is used; the deck prints the Spanish headings', () => {
    const md = readFileSync(join(dir, 'output/lavado/clinician/slides.md'), 'utf8');
    expect(md).toContain('Médicos y enfermeras');
    expect(md).toContain('## El mensaje principal');
    expect(md).toContain('24 de noviembre de 2026');
    expect(md).not.toMatch(/main message|Words to know|References/);
  });

  it('strings.<lang>.<key> in the config overrides a shipped string', async () => {
    const d = project('spanish-furniture');
    const config = join(d, 'deckhand.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'strings:\n  es-US: {mainMessage: Lo más importante}\n');
    const r = await runDeckhand(['build', '-f', 'slides', '-a', 'student'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'output/lavado/student/slides.md'), 'utf8')).toContain('## Lo más importante');
  });

  it('a language with no string table: an error naming each missing key, never an English word', async () => {
    const d = project('spanish-furniture');
    const topic = join(d, 'content/lavado.yaml');
    writeFileSync(topic, readFileSync(topic, 'utf8').replace('lang: es-US', 'lang: nl'));
    const r = await runDeckhand(['build', '-f', 'handout', '-a', 'student'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the label of audience "student" has no text for language "nl"  [DH_STRING_MISSING]');
    expect(r.stderr).toContain('the string "pageOf" has no text for language "nl"');
    expect(r.stderr).toContain('strings.nl.pageOf');
  });

  it('a template asking for a key the language lacks: positioned error naming the key', async () => {
    const d = project('spanish-furniture', {
      'templates/handout.md.hbs': '---\ntitle: {{yaml title}}\n---\n\n{{t "noSuchKey"}}\n',
    });
    const r = await runDeckhand(['build', '-f', 'handout', '-a', 'student'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /handout\.md\.hbs:5:1 {2}error {2}no "noSuchKey" string for language "es-US" {2}\[DH_STRING_MISSING\]/,
    );
  });
});

describe('dates and numbers per language', () => {
  it('Intl: es-US writes 38.5, es 38,5; dates in words', () => {
    expect(formatNumber(38.5, 'es-US')).toBe('38.5');
    expect(formatNumber(38.5, 'es')).toBe('38,5');
    expect(formatDate('2026-11-24', 'es-US')).toBe('24 de noviembre de 2026');
    expect(formatDate('2026-11-24', 'en')).toBe('November 24, 2026');
    expect(formatDate('2026-11-24', 'de')).toBe('24. November 2026');
    expect(languageName('en', 'es-US')).toBe('inglés');
  });
});
