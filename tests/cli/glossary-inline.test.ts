import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, REPO } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const TOPIC = `title: Germs
summary: Germs spread fast. Wash your hands.
sections:
  - title: Why
    body: "Germs live on **hands**. A germ can live in \`code germs\` too. See [germs](https://example.org)."
    points:
      - Soap kills germs.
  - title: Slides only
    handout: false
    body: Vaccines help.
glossary:
  - {term: germ, definition: {patient: A tiny living thing that can make you sick., default: A microorganism.}}
  - {term: vaccine, definition: A shot that trains the body.}
  - {term: unused term, definition: Never in the text.}
`;

/** The handout's text as a reader gets it (pdftotext), with line breaks and runs of spaces made one space. */
const handoutText = (dir: string, audience: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'output/t', audience, 'handout.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');

describe('glossary modes in the handout', () => {
  it(
    'inline (patient default): the first use is followed by the definition, once; the list keeps ' + 'used terms',
    async () => {
      const dir = project(undefined, { 'content/t.yaml': TOPIC });
      const r = await runDeckhand(['build', '-f', 'handout', '-a', 'patient'], dir);
      expect(r.code, r.stderr).toBe(0);
      const text = handoutText(dir, 'patient');
      // The plural use gets the plural form of "a tiny living thing …".
      expect(text).toContain('Germs (tiny living things that can make you sick) spread fast.');
      expect(text.split('living thing').length - 1).toBe(2); // once inline, once in the list
      expect(text).toContain('Soap kills germs.');
      expect(text).toContain('Words to know germ A tiny living thing that can make you sick.');
      expect(text).not.toContain('vaccine'); // used only in a slides-only section
      expect(text).not.toContain('unused term');
    },
  );

  it('list (student default): no inline definitions, the full list; none: no glossary at all', async () => {
    const dir = project(undefined, {
      'content/t.yaml': TOPIC,
      'deckhand.config.yaml': 'audiences:\n  patient: {}\n  student: {glossary: list}\n  bare: {glossary: none}\n',
    });
    expect((await runDeckhand(['build', '-f', 'handout'], dir)).code).toBe(0);
    const student = handoutText(dir, 'student');
    expect(student).toContain('Germs spread fast.');
    expect(student).toContain(
      'Words to know germ A microorganism. vaccine A shot that trains the body. unused term Never in the text.',
    );
    const bare = handoutText(dir, 'bare');
    expect(bare).not.toContain('microorganism');
    expect(bare).not.toContain('Words to know');
  });

  it('the sample patient handout explains its terms where they are first used', async () => {
    const dir = project();
    const r = await runDeckhand(['build', join(REPO, 'content'), '-a', 'patient', '-f', 'handout', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', join(dir, 'out/stem-cells-autoimmune/patient/handout.pdf'), '-'],
      { encoding: 'utf8' },
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Stem cells (cells that can grow into other kinds of cells) might help');
    // In the text's number: the term is "clinical trial", the text says "clinical trials".
    expect(text).toContain('clinical trials (research studies that test a new treatment in people)');
    // Not where the sentence says it already ("… keeps you safe from germs"): the list has the term.
    expect(text).toContain('Your immune system keeps you safe from germs.');
    expect(text).not.toContain('(the parts of your body that fight germs)');
    expect(text).toContain('immune system The parts of your body that fight germs.');
    // Never nested parentheses.
    expect(text).not.toMatch(/\([^()]*\(/);
  });
});
