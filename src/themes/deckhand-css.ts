import { DECK_LAYOUT as L } from './deckhand-layout.js';
import { themePalette, type ThemePalette } from './palette.js';

/**
 * The built-in Marp themes `deckhand` and `deckhand-dark`, written from palette.ts (colours, sizes,
 * padding) and deckhand-layout.ts (the box model the slide planner measures with). Made for a lecture
 * hall and a waiting-room screen: 30 px body text on 1280×720, one accent colour, a title slide, a
 * main-message slide, a divider (`<!-- _class: divider -->`), image layouts, tables and callouts.
 *
 * The accent is `var(--dh-accent)` so a deck can set its own (`slides.accent`) without a new theme; it
 * only colours rules, bars and markers, never text, so any accent leaves the text's contrast intact.
 * The font is named here and embedded by the page (src/render/slides-html), as a data: font.
 */

/**
 * CSS fragments appended to both deckhand themes, in order: the hook for styling beyond the base theme
 * (section kinds add their rules here, e.g. `section.kind-warning { … }`). Each fragment may use the
 * theme's custom properties: --dh-accent, --dh-text, --dh-heading, --dh-muted, --dh-tint, --dh-bg.
 */
export const THEME_CSS_FRAGMENTS: string[] = [];

export const DECKHAND_THEMES = ['deckhand', 'deckhand-dark'] as const;

/** `a` mixed with `b` by `t` (0 = a, 1 = b), as #rrggbb. */
export function mixColour(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (s: number) => Math.round(((pa >> s) & 255) * (1 - t) + ((pb >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

/** Background tints the CSS uses for table headers, striped rows, callouts and the main message. */
export function themeTints(p: ThemePalette) {
  return {
    tint: mixColour(p.background, p.accent, p.dark ? 0.16 : 0.1),
    stripe: mixColour(p.background, p.accent, p.dark ? 0.07 : 0.04),
    rule: mixColour(p.background, p.text, p.dark ? 0.3 : 0.18),
    leadAccent: p.dark ? p.accent : '#4fd1c5',
  };
}

// Lead colours for the title and divider slides, and for Marp's own `lead` class (gaia and uncover
// centre it); the main message is a lead slide too in those themes, but has its own look here.
const LEAD = 'section:is(.lead, .title, .divider):not(.main-message)';

/**
 * Every pair of text and background colours the theme CSS paints, with the WCAG 2.2 AA minimum it must
 * meet (4.5:1 for text; 3:1 for large text and for the accent's rules and markers, WCAG 1.4.11).
 */
export function themeColourPairs(name: (typeof DECKHAND_THEMES)[number]) {
  const p = themePalette(name);
  const t = themeTints(p);
  const leadMuted = mixColour(p.lead.background, p.lead.text, 0.75);
  const leadSub = mixColour(p.lead.background, p.lead.text, 0.88);
  const pairs: { what: string; fg: string; bg: string; min: number }[] = [
    { what: 'body text', fg: p.text, bg: p.background, min: 4.5 },
    { what: 'headings', fg: p.heading, bg: p.background, min: 4.5 },
    { what: 'links', fg: p.link, bg: p.background, min: 4.5 },
    { what: 'footer, page number, captions', fg: p.muted, bg: p.background, min: 4.5 },
    { what: 'table header', fg: p.heading, bg: t.tint, min: 4.5 },
    { what: 'striped table row', fg: p.text, bg: t.stripe, min: 4.5 },
    { what: 'callout and code', fg: p.text, bg: t.tint, min: 4.5 },
    { what: 'main message', fg: p.heading, bg: t.tint, min: 4.5 },
    { what: 'main message label and footer', fg: p.muted, bg: t.tint, min: 4.5 },
    { what: 'title and divider text', fg: p.lead.text, bg: p.lead.background, min: 4.5 },
    { what: 'title slide subtitle', fg: leadSub, bg: p.lead.background, min: 4.5 },
    { what: 'title slide footer', fg: leadMuted, bg: p.lead.background, min: 4.5 },
    { what: 'accent rules and markers', fg: p.accent, bg: p.background, min: 3 },
    { what: 'accent bar on the main message', fg: p.accent, bg: t.tint, min: 3 },
    { what: 'title slide accent', fg: t.leadAccent, bg: p.lead.background, min: 3 },
  ];
  return pairs;
}

const FAMILY = (p: ThemePalette) => `"${p.font}", "DejaVu Sans", Verdana, sans-serif`;

/** The theme CSS of a deckhand theme by name. */
export function deckhandThemeCss(name: (typeof DECKHAND_THEMES)[number]): string {
  const p = themePalette(name);
  const t = themeTints(p);
  const [pt, pr, pb, pl] = p.padding;
  const s = p.sizes;
  return `/* @theme ${name} */
/* @size 16:9 1280px 720px */
/* @size 4:3 960px 720px */
section {
  --dh-accent: var(--dh-deck-accent, ${p.accent});
  --dh-text: ${p.text};
  --dh-heading: ${p.heading};
  --dh-muted: ${p.muted};
  --dh-tint: ${t.tint};
  --dh-bg: ${p.background};
  width: 1280px;
  height: 720px;
  box-sizing: border-box;
  padding: ${pt}px ${pr}px ${pb}px ${pl}px;
  background: ${p.background};
  color: ${p.text};
  font-family: ${FAMILY(p)};
  font-size: ${s.body}px;
  line-height: ${p.lineHeight};
  display: block;
  position: relative;
  overflow: hidden;
  overflow-wrap: break-word;
  font-kerning: normal;
  font-variant-ligatures: none;
}
section > :first-child, section > header + * { margin-top: 0; }
h1, h2, h3, h4, h5, h6 { color: ${p.heading}; line-height: ${L.headingLineHeight}; margin: 0 0 ${L.blockGap}px; \
font-weight: bold; }
h1 { font-size: ${s.h1}px; }
h2 { font-size: ${s.h2}px; }
h3, h4, h5, h6 { font-size: ${s.h3}px; }
section > h2:first-of-type { margin-bottom: ${L.titleGap}px; }
section > h2:first-of-type::after { content: ""; display: block; width: 96px; height: 6px; margin-top: 12px; \
background: var(--dh-accent); border-radius: 3px; }
p, ul, ol, table, blockquote, pre, figure, dl { margin: 0 0 ${L.blockGap}px; }
ul, ol { padding-left: ${L.listIndent}px; }
li { margin: 0; }
li + li { margin-top: ${L.itemGap}px; }
li > p { margin: 0; }
li > ul, li > ol { margin: ${L.itemGap}px 0 0; }
ul > li::marker { color: var(--dh-accent); }
ol > li::marker { color: var(--dh-accent); font-weight: bold; }
strong { font-weight: bold; color: ${p.heading}; }
em { font-style: italic; }
a { color: ${p.link}; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; background: ${t.tint}; border-radius: 4px; \
padding: 0 0.2em; }
pre { font-size: 24px; line-height: 1.3; background: ${t.tint}; padding: 12px 18px; border-radius: 6px; \
white-space: pre-wrap; }
pre code { background: none; padding: 0; font-size: inherit; }
hr { border: 0; border-top: 2px solid ${t.rule}; margin: 0 0 ${L.blockGap}px; }
img { max-width: 100%; }
table { border-collapse: collapse; font-size: ${L.tableSize}px; line-height: ${p.lineHeight}; }
th, td { padding: ${L.cellPadY}px ${L.cellPadX}px; border: 0; border-bottom: ${L.rowRule}px solid ${t.rule}; \
text-align: left; vertical-align: top; }
th { background: ${t.tint}; color: ${p.heading}; font-weight: bold; border-bottom-color: var(--dh-accent); }
tbody tr:nth-child(even) td { background: ${t.stripe}; }
blockquote { background: ${t.tint}; border-left: ${L.calloutBar}px solid var(--dh-accent); \
padding: ${L.calloutPadY}px ${L.calloutPadX}px; border-radius: 0 8px 8px 0; }
blockquote > :last-child { margin-bottom: 0; }
mark { background: ${mixColour(p.background, '#ffd54f', p.dark ? 0.35 : 0.6)}; color: inherit; }
header, footer { position: absolute; left: ${pl}px; right: ${pr + 80}px; font-size: ${s.small}px; line-height: 1.3; \
color: ${p.muted}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header { top: 16px; }
footer { bottom: 22px; }
section::after { content: attr(data-marpit-pagination); position: absolute; padding: 0; top: auto; left: auto; \
right: ${pr}px; bottom: 22px; font-size: ${s.small}px; line-height: 1.3; color: ${p.muted}; \
font-variant-numeric: tabular-nums; }
${LEAD} { background: ${p.lead.background}; color: ${p.lead.text}; display: flex; flex-direction: column; \
justify-content: center; }
${LEAD} :is(h1, h2, h3, strong, a) { color: ${p.lead.text}; }
${LEAD} footer, ${LEAD}::after { color: ${mixColour(p.lead.background, p.lead.text, 0.75)}; }
section.title::before, section.divider::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; \
width: 18px; background: ${t.leadAccent}; }
section.title h1 { font-size: ${s.h1}px; margin-bottom: 20px; max-width: 1000px; }
section.title h3 { font-size: ${s.h3}px; font-weight: normal; margin-bottom: 36px; \
color: ${mixColour(p.lead.background, p.lead.text, 0.88)}; }
section.title p { font-size: ${s.body - 2}px; margin-bottom: 10px; }
section.title p:last-of-type { display: inline-block; align-self: flex-start; margin-top: 18px; padding: 6px 18px; \
border: 2px solid ${t.leadAccent}; border-radius: 999px; }
section.divider h1, section.divider h2 { font-size: ${s.h1}px; }
section.divider h2::after { content: ""; display: block; width: 120px; height: 8px; margin-top: 20px; \
background: ${t.leadAccent}; border-radius: 4px; }
section.main-message { background: ${t.tint}; color: ${p.text}; display: flex; flex-direction: column; \
justify-content: center; padding-left: ${pl + 40}px; }
section.main-message::before { content: ""; position: absolute; left: ${pl}px; top: 150px; bottom: 150px; width: 12px; \
background: var(--dh-accent); border-radius: 6px; }
section.main-message h2 { font-size: ${s.small + 4}px; text-transform: uppercase; letter-spacing: 0.08em; \
color: ${p.muted}; margin-bottom: 24px; }
section.main-message h2::after { display: none; }
section.main-message p { font-size: ${Math.round(s.body * 1.3)}px; line-height: 1.3; color: ${p.heading}; \
font-weight: bold; max-width: 1000px; }
section.full-image p:has(> img) { text-align: center; margin-bottom: 8px; }
section.full-image p > img { border-radius: 6px; }
section.full-image p > em:only-child, section.beside p > em:only-child { display: block; font-size: ${s.small}px; \
color: ${p.muted}; text-align: center; }
section.beside p > em:only-child { text-align: left; }
section[data-marpit-advanced-background="background"] { background: ${p.background}; }
section[data-marpit-advanced-background="background"] figure { background-color: ${p.background}; }
section[data-marpit-advanced-background="background"] figcaption { color: ${p.muted}; }
${THEME_CSS_FRAGMENTS.join('\n')}
`;
}
