import type { Audience } from '../../config/types.js';
import type { Metrics } from '../../fonts/metrics.js';
import { t } from '../../strings/strings.js';
import type { Item, Slice } from '../handout-pdf/flow.js';
import { breakLines, withFallbacks } from '../handout-pdf/line-break.js';
import { lineItems } from '../handout-pdf/layout-text.js';
import { handoutStyle, pageBox, type Style } from '../handout-pdf/style.js';

// The printed page of notes.pdf and slides-handout.pdf: the handout's typography with narrower print margins,
// and the furniture where PowerPoint's notes and handout masters put it — header top left, date top right,
// footer bottom left, page number bottom right. All of it is page furniture (artifacts).

export function printStyle(audience: Audience): Style {
  const style = handoutStyle(audience.fontSize, audience.handout.pageSize);
  const margins = { top: 58, right: 54, bottom: 58, left: 54 };
  const { width, height } = style.page;
  return { ...style, ...pageBox(width, height, margins) };
}

export interface FurnitureText {
  header: string;
  date: string;
  footer: string;
  lang: string;
}

/** The build date as the audience's language writes it (UTC: the same text wherever the build runs). */
export function printedDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function printFurniture(
  page: number,
  pages: number,
  text: FurnitureText,
  style: Style,
  metrics: Metrics,
  missing: Map<string, number>,
): Slice {
  const { size, color, rule } = style.furniture;
  const { x, width } = style.content;
  const top = style.page.margins.top;
  const bottom = style.page.height - style.page.margins.bottom;
  const one = (s: string, max: number) => {
    const runs = withFallbacks([{ text: s, font: 'regular', size, color }], metrics, missing);
    const line = breakLines(runs, Number.POSITIVE_INFINITY, metrics)[0]!;
    if (line.width <= max) return line;
    const chars = [...s];
    while (chars.length > 1 && metrics.width(`${chars.join('')}…`, 'regular', size) > max) chars.pop();
    const cut = withFallbacks(
      [{ text: `${chars.join('').trimEnd()}…`, font: 'regular', size, color }],
      metrics,
      missing,
    );
    return breakLines(cut, Number.POSITIVE_INFINITY, metrics)[0]!;
  };
  const number = one(t('pageOf', text.lang, { page, pages }), width / 3);
  const date = one(text.date, width / 3);
  const header = one(text.header, width - date.width - size * 2);
  const footer = one(text.footer, width - number.width - size * 2);
  const headY = top - 22;
  const footY = bottom + 22 + size;
  const items: Item[] = [
    ...lineItems(header, x, headY, null),
    ...lineItems(date, x + width - date.width, headY, null),
    { kind: 'line', x1: x, y1: top - 14, x2: x + width, y2: top - 14, width: 0.5, color: rule },
    { kind: 'line', x1: x, y1: bottom + 12, x2: x + width, y2: bottom + 12, width: 0.5, color: rule },
    ...lineItems(footer, x, footY, null),
    ...lineItems(number, x + width - number.width, footY, null),
  ];
  return { height: 0, spaceBefore: 0, items };
}

/** Ruled lines for writing on, `gap` apart, filling a box. Artifacts. */
export function ruledLines(x: number, top: number, width: number, height: number, gap: number, color: string): Item[] {
  const out: Item[] = [];
  for (let y = top + gap; y <= top + height + 0.01; y += gap)
    out.push({ kind: 'line', x1: x, y1: y, x2: x + width, y2: y, width: 0.5, color });
  return out;
}

/** A thin frame around a miniature. */
export function frameLines(x: number, y: number, w: number, h: number, color: string): Item[] {
  const l = (x1: number, y1: number, x2: number, y2: number): Item => ({
    kind: 'line',
    x1,
    y1,
    x2,
    y2,
    width: 0.75,
    color,
  });
  return [l(x, y, x + w, y), l(x + w, y, x + w, y + h), l(x + w, y + h, x, y + h), l(x, y + h, x, y)];
}
