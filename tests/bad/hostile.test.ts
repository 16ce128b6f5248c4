import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { pdfText, qpdfCheck } from '../helpers/pdf.js';
import { rgbaPng } from '../helpers/png.js';
import { project, REPO } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/*
 * Text fields are text, whatever they hold. A topic whose every text field carries Markdown block
 * structure, HTML, Marp directives and script is built next to its "twin" (the same topic with each
 * of those characters replaced by "x"): both outputs must have exactly the same structure, show the
 * hostile text literally, run nothing and fetch nothing. Every field also carries the inline
 * Markdown that short texts allow (MARKUP, the same in both topics): points, the summary, captions,
 * definitions and reference text show it as bold, italic, code, a link and a formula; titles only
 * the formula; subtitle, authors, alt text and terms none of it.
 */
const INLINE =
  '--- <!-- # H1 ``` <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> ' +
  '<style>section{display:none}</style> [js](javascript:window.__pwned=3) ![i](https://evil.example/x.png) ' +
  ':smile: <!-- _class: invert --> | a | b | * star ~~s~~ &amp; \\ -->';
const MARKUP = '`code` _u_ **b** [ok](https://example.org/ok) $x^2$';
const BLOCK =
  'First line\n---\n# Heading\n\n- item\n1. one\n> quote\n```\ncode\n```\n<!--\n_class: invert\n-->\n| a | b ' +
  '|\n|---|---|';
// Backticks stay: a run of them is a code span in short texts, in the hostile topic and its twin alike.
const twin = (s: string) => s.replace(/[^\s`]/g, 'x');
const PLAIN = ['SUBTITLE', 'AUTHOR', 'ALT', 'TERM'];
const SHORT = ['POINT1', 'POINT2', 'CAPTION', 'DEFINITION', 'REFERENCE'];

function topic(text: (mark: string, payload: string) => string) {
  const t = (mark: string) => `${text(mark, INLINE)} ${MARKUP}`;
  return stringify({
    title: t('TITLE'),
    subtitle: t('SUBTITLE'),
    authors: [t('AUTHOR')],
    summary: text('SUMMARY', BLOCK),
    sections: [
      {
        title: t('SECTION'),
        body: 'A plain body paragraph.',
        points: [t('POINT1'), t('POINT2')],
        notes: text('NOTE', `${INLINE}\n${BLOCK}`),
        image: { src: 'images/fig.png', alt: t('ALT'), caption: t('CAPTION') },
      },
      { title: 'AFTER-HOSTILE', points: ['Still its own section'] },
    ],
    glossary: [{ term: t('TERM'), definition: t('DEFINITION') }],
    references: [{ text: t('REFERENCE'), url: 'https://example.org/ref' }],
  });
}

const hostileTopic = topic((mark, payload) => `${mark}-MARK ${payload}`);
const twinTopic = topic((mark, payload) => `${mark}-MARK ${twin(payload)}`);
const out = (dir: string, file: string) => join(dir, 'output/topic/student', file);

let hostile: string;
let plain: string;
let browser: Browser;

beforeAll(async () => {
  const png = rgbaPng(40, 30, 5);
  hostile = project(undefined, { 'content/topic.yaml': hostileTopic });
  plain = project(undefined, { 'content/topic.yaml': twinTopic });
  for (const dir of [hostile, plain]) {
    mkdirSync(join(dir, 'content/images'));
    writeFileSync(join(dir, 'content/images/fig.png'), png);
    const r = await runDeckhand(['build', '-a', 'student'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Tag counts inside the deck, and what the page did. */
async function inspectDeck(dir: string) {
  const context = await browser.newContext();
  const requests: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  await page.goto(pathToFileURL(out(dir, 'slides.html')).href);
  await page.waitForTimeout(300); // let an onerror or a late script fire, if one slipped through
  const dom = await page.evaluate(() => {
    const deck = document.querySelector('.marpit')!;
    const tags: Record<string, number> = {};
    for (const e of deck.querySelectorAll('*'))
      tags[e.tagName.toLowerCase()] = (tags[e.tagName.toLowerCase()] ?? 0) + 1;
    return {
      tags,
      // A measured split may give one deck a "(continued)" slide more (the twin's letters differ in
      // width): those are left out of the counts; an injected slide, heading or class is not.
      sections: [...deck.querySelectorAll('section')].filter(
        (s) => !/continued/.test(s.querySelector('h2')?.textContent ?? ''),
      ).length,
      classes: [...new Set([...deck.querySelectorAll('section')].map((s) => s.className))].sort().join(' '),
      handlers: [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      // The inline elements inside each marked text: tag and text.
      short: Object.fromEntries(
        [...deck.querySelectorAll('li, p, h1, h2, figcaption')]
          .map((e) => [[...(e.textContent ?? '').matchAll(/([A-Z0-9]+)-MARK/g)].at(-1)?.[1], e] as const)
          .filter(([mark]) => mark)
          .map(([mark, e]) => [
            mark,
            [...e!.querySelectorAll('code, em, strong, a, svg')]
              .filter((c) => !c.parentElement?.closest('svg:not([data-marpit-svg])'))
              .map((c) => `${c.tagName.toLowerCase()}:${c.tagName === 'svg' ? '' : c.textContent}`),
          ]),
      ) as Record<string, string[]>,
      text: deck.textContent!.replace(/\s+/g, ' '),
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    };
  });
  await context.close();
  return { ...dom, requests: requests.filter((u) => !/^(file|data):/.test(u)), dialogs };
}

/** Structure tags and dangerous entries of a PDF, from its uncompressed form. */
function inspectPdf(pdf: string) {
  const qdf = spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).stdout.toString('latin1');
  const tags: Record<string, number> = {};
  for (const m of qdf.matchAll(/\/S \/(\w+)/g)) tags[m[1]!] = (tags[m[1]!] ?? 0) + 1;
  const outlines = JSON.parse(spawnSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' }).stdout)
    .outlines as { title: string }[];
  return { tags, outlines: outlines.map((o) => o.title), qdf };
}

describe('hostile plain text, built next to its harmless twin', () => {
  it(
    'slides.html has the same structure as the twin: no extra slide, heading, list, link, image, ' + 'style or class',
    async () => {
      const [h, p] = await Promise.all([inspectDeck(hostile), inspectDeck(plain)]);
      expect(h.sections).toBe(p.sections);
      expect(Object.keys(h.tags).sort()).toEqual(Object.keys(p.tags).sort());
      for (const tag of ['h1', 'script', 'style', 'img', 'a', 'iframe', 'table'])
        expect(h.tags[tag], tag).toBe(p.tags[tag]);
      expect(h.classes).toBe(p.classes);
    },
  );

  it('slides.html runs nothing and fetches nothing; the text shows literally', async () => {
    const h = await inspectDeck(hostile);
    expect({
      pwned: h.pwned,
      dialogs: h.dialogs,
      requests: h.requests,
      handlers: h.handlers,
      jsLinks: h.jsLinks,
    }).toEqual({ pwned: null, dialogs: [], requests: [], handlers: 0, jsLinks: 0 });
    for (const mark of ['TITLE', 'SECTION', 'POINT1', 'POINT2', 'CAPTION', 'TERM', 'DEFINITION', 'REFERENCE']) {
      expect(h.text, mark).toContain(`${mark}-MARK --- <!-- # H1 \`\`\` <script>window.__pwned=1</script>`);
      expect(h.text, mark).toContain(':smile: <!-- _class: invert --> | a | b | * star ~~s~~ &amp; \\ -->');
    }
    expect(h.text).not.toContain('NOTE-MARK'); // notes are presenter notes, not slide text
    // Inline Markdown where it is allowed, and only there.
    // (The caption is all italic: its own <em> comes first; a definition comes after its term in bold;
    // a reference's URL follows its text.)
    const skip = (mark: string) => (mark === 'CAPTION' || mark === 'DEFINITION' ? 1 : 0);
    for (const mark of SHORT)
      expect(h.short[mark]?.slice(skip(mark), skip(mark) + 5), mark).toEqual([
        'code:code',
        'em:u',
        'strong:b',
        'a:ok',
        'svg:',
      ]);
    expect(h.short.TITLE).toEqual(['svg:']);
    for (const mark of ['SUBTITLE', 'AUTHOR', 'TERM'])
      expect(h.text, mark).toContain(`\`code\` _u_ **b** [ok](https://example.org/ok) $x^2$`);
  });

  it('slides.md keeps the notes inside one comment each, and the hostile text out of Marp directives', async () => {
    // After the front matter, whose values are YAML strings (JSON-quoted), not Markdown.
    const body = (file: string) => file.replace(/^---\n[\s\S]*?\n---\n/, '');
    // Slides a measured split continued (one deck may have one more: the twin's letters differ in width) are
    // left out; an injected slide or comment is not.
    const firstParts = (file: string) =>
      body(file)
        .split(/^---$/m)
        .filter((slide) => !/^## .*continued/m.test(slide));
    const md = firstParts(readFileSync(out(hostile, 'slides.md'), 'utf8')).join('\n---\n');
    const twinMd = firstParts(readFileSync(out(plain, 'slides.md'), 'utf8')).join('\n---\n');
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    expect(count(md, /^---$/gm)).toBe(count(twinMd, /^---$/gm));
    // Comment markers that are not escaped text (\<!--, --\>) or broken notes (<!\u200B--).
    expect(count(md, /(?<!\\)<!--/g)).toBe(count(twinMd, /<!--/g));
    expect(count(md, /-->/g)).toBe(count(twinMd, /-->/g));
  });

  it(
    'handout.pdf has the same structure as the twin, shows the text literally, and holds no ' + 'notes or actions',
    async () => {
      const h = inspectPdf(out(hostile, 'handout.pdf'));
      const p = inspectPdf(out(plain, 'handout.pdf'));
      expect(qpdfCheck(out(hostile, 'handout.pdf'))).toBe(0);
      expect(h.tags).toEqual(p.tags);
      expect(h.outlines.length).toBe(p.outlines.length);
      const text = pdfText(out(hostile, 'handout.pdf')).replace(/\s+/g, ' ');
      for (const mark of ['TITLE', 'SECTION', 'POINT1', 'CAPTION', 'TERM', 'DEFINITION', 'REFERENCE']) {
        expect(text, mark).toContain(`${mark}-MARK --- <!-- # H1 \`\`\` <script>`);
      }
      for (const mark of SHORT) expect(text, mark).toMatch(new RegExp(`${mark}-MARK [^]*?\\\\ --> code u b ok\\s`));
      for (const mark of PLAIN.filter((m) => m !== 'ALT'))
        expect(text, mark).toMatch(new RegExp(`${mark}-MARK [^]*?\\\\ --> \`code\` _u_ \\*\\*b\\*\\* \\[ok\\]`));
      // The formula is typeset in titles and short texts; subtitle, byline and term show it as written.
      expect(text.split('$x^2$').length - 1).toBe(3);
      expect(text).toContain('<script>window.__pwned=1</script>');
      expect(text).toContain('First line --- # Heading');
      expect(text).not.toContain('NOTE-MARK');
      expect(h.qdf).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|\/SubmitForm|\/ImportData/);
      const uris = [...h.qdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
      expect(new Set(uris)).toEqual(new Set(['https://example.org/ok', 'https://example.org/ref']));
      expect(h.tags.Formula).toBeGreaterThanOrEqual(SHORT.length + 1);
    },
  );
});

describe('nothing is fetched at build time', () => {
  it('a build of hostile content with URLs everywhere makes no network request', async () => {
    const log = join(project(), 'network.log');
    writeFileSync(log, '');
    const hook = pathToFileURL(join(REPO, 'tests/helpers/no-network.mjs')).href;
    const dir = project(undefined, {
      'content/topic.yaml': hostileTopic.replace(
        'body: A plain body paragraph.',
        'body: "![remote](https://evil.example/a.png) <img src=\\"https://evil.example/b.png\\"> ' +
          '[link](https://evil.example/c)"',
      ),
    });
    mkdirSync(join(dir, 'content/images'));
    writeFileSync(join(dir, 'content/images/fig.png'), rgbaPng(8, 8, 1));
    const r = await runDeckhand(['build'], dir, { NODE_OPTIONS: `--import=${hook}`, DECKHAND_NETWORK_LOG: log });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('');
    // The hook itself works: it sees a request when one is made.
    const probe = spawnSync(
      process.execPath,
      ['--import', hook, '-e', "require('node:net').connect(80, 'example.org')"],
      { env: { ...process.env, DECKHAND_NETWORK_LOG: log }, encoding: 'utf8' },
    );
    expect(probe.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('connect example.org:80');
  });
});
