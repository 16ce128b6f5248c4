import { parse } from 'yaml';

/**
 * The handout template's front matter: what the title block, the running header and footer and the
 * PDF metadata show. Every key is optional; the title block appears when `title` is set.
 */
export interface HandoutMeta {
  title: string | null;
  subtitle: string | null;
  authors: string[];
  date: string | null;
  /** The audience label shown in the title block ("Patients and families"). */
  audience: string | null;
  /** Running header text; default: the title. */
  header: string | null;
  /** Footer text on every page, before "Page X of Y". */
  footer: string | null;
  lang: string | null;
  /** PDF metadata Subject. */
  subject: string | null;
  /** YYYY-MM-DD: printed at the end as "Last reviewed: … · Next review due: …". */
  reviewed?: string | null;
  reviewBy?: string | null;
  /** The brand: logo (an image URL of the handout), its alt text, the clinic's name, the contact line. */
  logo?: string | null;
  logoAlt?: string | null;
  brand?: string | null;
  contact?: string | null;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A handout without front matter: no title block, no furniture text (also what layout tests start from). */
export function emptyMeta(): HandoutMeta {
  return {
    title: null,
    subtitle: null,
    authors: [],
    date: null,
    audience: null,
    header: null,
    footer: null,
    lang: null,
    subject: null,
  };
}

export function splitFrontMatter(markdown: string): { meta: HandoutMeta; body: string; problem: string | null } {
  const m = FRONT_MATTER.exec(markdown);
  const empty = emptyMeta();
  if (!m) return { meta: empty, body: markdown, problem: null };
  const body = markdown.slice(m[0].length);
  let data: unknown;
  try {
    data = parse(m[1]!);
  } catch (e) {
    return {
      meta: empty,
      body,
      problem: `the handout template's front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`,
    };
  }
  if (data === null || data === undefined) return { meta: empty, body, problem: null };
  if (typeof data !== 'object' || Array.isArray(data))
    return { meta: empty, body, problem: "the handout template's front matter must be a map of keys" };
  const d = data as Record<string, unknown>;
  const text = (k: string): string | null =>
    typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]).trim() || null : null;
  const authors = Array.isArray(d.authors) ? d.authors.map(String) : text('authors') ? [text('authors')!] : [];
  return {
    meta: {
      title: text('title'),
      subtitle: text('subtitle'),
      authors,
      date: text('date'),
      audience: text('audience'),
      header: text('header'),
      footer: text('footer'),
      lang: text('lang'),
      subject: text('subject'),
      logo: text('logo'),
      logoAlt: text('logoAlt'),
      brand: text('brand'),
      contact: text('contact'),
      reviewed: text('reviewed'),
      reviewBy: text('reviewBy'),
    },
    body,
    problem: null,
  };
}
