import { describe, expect, it } from 'vitest';
import { applyGlossary, definitionPhrase } from '../../src/view/glossary.js';
import { termMatcher, wordForms } from '../../src/view/glossary-terms.js';
import { proseMask } from '../../src/view/markdown-prose.js';
import type { ResolvedSection, ResolvedTopic } from '../../src/content/types.js';

const section = (over: Partial<ResolvedSection>): ResolvedSection => ({
  id: 's',
  title: 'T',
  body: null,
  points: [],
  notes: null,
  image: null,
  slides: true,
  handout: true,
  ...over,
});

const topic = (over: Partial<ResolvedTopic>): ResolvedTopic => ({
  slug: 't',
  title: 'T',
  subtitle: null,
  authors: [],
  date: null,
  lang: 'en',
  summary: null,
  sections: [],
  glossary: [
    { term: 'stem cells', definition: 'Cells that can grow into other kinds of cells.' },
    { term: 'mesenchymal stem cells', definition: 'A kind of stem cell.' },
    { term: 'clinical trial', definition: 'A research study in people.' },
    { term: 'lupus', definition: 'A disease.' },
  ],
  references: [],
  ...over,
});

describe('glossary terms', () => {
  it('simple plural and singular forms', () => {
    expect(wordForms('trial')).toEqual(['trial', 'trials']);
    expect(wordForms('cells')).toEqual(['cells', 'cellses', 'cell']);
    expect(wordForms('therapy')).toEqual(['therapy', 'therapies']);
    expect(wordForms('therapies')).toEqual(['therapies', 'therapieses', 'therapy']);
  });
  it('matches case-insensitively, whole words only, longest first', () => {
    const find = termMatcher(['stem cells', 'mesenchymal stem cells', 'trial']);
    const hits = (s: string) => find(s).map((m) => s.slice(m.start, m.end));
    expect(hits('Stem Cells and a stem cell, Mesenchymal\nstem cells, TRIALS')).toEqual([
      'Stem Cells',
      'stem cell',
      'Mesenchymal\nstem cells',
      'TRIALS',
    ]);
    expect(hits('stemcells, stem-cells, stem cellsx, multistem cells, trialist, pre-trial, trial-based')).toEqual([]);
  });
  it('definitions read as a phrase in parentheses', () => {
    expect(definitionPhrase('A disease in which the body attacks itself.')).toBe(
      'a disease in which the body attacks itself',
    );
    expect(definitionPhrase('DNA carries genes...')).toBe('DNA carries genes...');
    expect(definitionPhrase('I think so.')).toBe('I think so');
  });
});

describe('glossary: inline', () => {
  it('defines each term once, at its first use in reading order, and lists only the terms used', () => {
    const t = topic({
      summary: 'Stem cells may help.',
      sections: [
        section({
          body: 'Doctors study stem cells and clinical trials.',
          points: ['More stem cells', 'A clinical trial'],
        }),
        section({ handout: false, points: ['lupus on slides only'] }),
        section({
          image: {
            src: 'a.png',
            alt: 'stem cells',
            caption: 'Mesenchymal stem cells, seen up close',
            width: 1,
            height: 1,
          },
        }),
      ],
    });
    const out = applyGlossary(t, 'handout', 'inline');
    expect(out.summary).toBe('Stem cells (cells that can grow into other kinds of cells) may help.');
    // The text's plural gets a plural definition ("a research study" → "research studies").
    expect(out.sections[0]!.body).toBe('Doctors study stem cells and clinical trials (research studies in people).');
    expect(out.sections[0]!.points).toEqual(['More stem cells', 'A clinical trial']);
    expect(out.sections[1]!.points).toEqual(['lupus on slides only']);
    expect(out.sections[2]!.image!.caption).toBe('Mesenchymal stem cells (a kind of stem cell), seen up close');
    expect(out.sections[2]!.image!.alt).toBe('stem cells');
    expect(out.glossary.map((g) => g.term)).toEqual(['stem cells', 'mesenchymal stem cells', 'clinical trial']);
    // pure: the input is unchanged
    expect(t.summary).toBe('Stem cells may help.');
  });

  it(
    'never inserts into code, links, headings, HTML, URLs or formulas; the definition goes in as safe inline ' +
      'Markdown',
    () => {
      const body = [
        '## About stem cells',
        '',
        'See [stem cells](https://example.org/stem-cells) or `stem cells` or <b title="stem cells">x</b> ' +
          'https://x.org/stem cells.',
        '',
        '```',
        'stem cells',
        '```',
        '',
        'Here $\\text{stem cells}$ and **stem cells**, grown.',
      ].join('\n');
      const t = topic({
        glossary: [{ term: 'stem cells', definition: 'Cells with *stars* and [brackets] | pipes.' }],
        sections: [section({ body })],
      });
      const out = applyGlossary(t, 'handout', 'inline').sections[0]!.body!;
      expect(out).toBe(
        body.replace('**stem cells**,', '**stem cells** (cells with *stars* and \\[brackets\\] \\| pipes),'),
      );
    },
  );

  it('short texts (inline Markdown) get the definition as safe inline Markdown; possessives stay whole', () => {
    const t = topic({
      glossary: [{ term: 'immune system', definition: 'The body’s <defence>.' }],
      sections: [section({ points: ["The immune system's job"] })],
    });
    expect(applyGlossary(t, 'handout', 'inline').sections[0]!.points).toEqual([
      "The immune system's (the body’s \\<defence\\>) job",
    ]);
  });

  it('slides keep the full list; list keeps everything; none removes the glossary', () => {
    const t = topic({ summary: 'Stem cells.' });
    expect(applyGlossary(t, 'slides', 'inline')).toBe(t);
    expect(applyGlossary(t, 'handout', 'list')).toBe(t);
    expect(applyGlossary(t, 'handout', 'none').glossary).toEqual([]);
    expect(applyGlossary(t, 'slides', 'none').glossary).toEqual([]);
  });
});

describe('glossary: inline definitions only where they read well', () => {
  const inline = (glossary: ResolvedTopic['glossary'], ...points: string[]) =>
    applyGlossary(topic({ glossary, sections: [section({ points })] }), 'handout', 'inline').sections[0]!.points;
  const IMMUNE = { term: 'immune system', definition: 'The parts of your body that fight germs.' };
  const INR = { term: 'INR', definition: 'A blood test that checks how fast your blood clots.' };

  it('not where the sentence already explains the term; no later use gets it either', () => {
    expect(inline([IMMUNE], 'Your immune system keeps you safe from germs.', 'The immune system can fail.')).toEqual([
      'Your immune system keeps you safe from germs.',
      'The immune system can fail.',
    ]);
    for (const said of [
      'The INR (a blood test) is done often.',
      'The INR, which is a blood test, is done often.',
      'The INR, a blood test, is done often.',
      'The INR means a test of how your blood clots.',
      'The INR is a number from a test.',
      'The INR — a test — is done often.',
    ])
      expect(inline([INR], said, 'Your INR is high.')).toEqual([said, 'Your INR is high.']);
  });

  it('never nested parentheses: inside parentheses a later use gets it; its own parentheses become commas', () => {
    expect(inline([INR], 'Get a blood test (INR) each week.', 'Your INR tells us the dose.')).toEqual([
      'Get a blood test (INR) each week.',
      'Your INR (a blood test that checks how fast your blood clots) tells us the dose.',
    ]);
    const paren = { term: 'INR', definition: 'A test (done at the clinic) of your blood.' };
    const [out] = inline([paren], 'Your INR tells us the dose.');
    expect(out).toBe('Your INR (a test, done at the clinic, of your blood) tells us the dose.');
    expect(out!.slice(out!.indexOf('(') + 1)).not.toContain('(');
  });

  it('agrees in number: a plural use of a singular term gets a plural definition, or none', () => {
    expect(
      inline([INR, { term: 'germ', definition: 'A tiny living thing that can make you sick.' }], 'INRs and germs.'),
    ).toEqual([
      'INRs (blood tests that check how fast your blood clots) and germs (tiny living things that can make you sick).',
    ]);
    // A plural definition cannot be made singular: the first plural use gets it.
    const cells = { term: 'stem cells', definition: 'Cells that can grow into other kinds of cells.' };
    expect(inline([cells], 'A stem cell is tiny.', 'Stem cells are studied.')).toEqual([
      'A stem cell is tiny.',
      'Stem cells (cells that can grow into other kinds of cells) are studied.',
    ]);
    // A definition that is no "a …" phrase has no plural form: no definition at a plural use.
    expect(
      inline([{ term: 'clinical trial', definition: 'Testing a drug in people.' }], 'Clinical trials help.'),
    ).toEqual(['Clinical trials help.']);
  });
});

describe('proseMask', () => {
  it('keeps paragraphs, list items, quotes and table bodies; hides headings, code, table headers', () => {
    const md =
      '# H stem\n\npara stem\n\n- item stem\n\n> quote stem\n\n| head stem |\n|---|\n| cell stem |\n\n    code stem\n';
    const visible = proseMask(md).replace(/\u0000+/g, '·');
    expect(visible).toContain('para stem');
    expect(visible).toContain('- item stem');
    expect(visible).toContain('> quote stem');
    expect(visible).toContain('| cell stem |');
    expect(visible).not.toContain('H stem');
    expect(visible).not.toContain('head stem');
    expect(visible).not.toContain('code stem');
  });
});
