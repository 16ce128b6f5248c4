import MarkdownIt from 'markdown-it';

/**
 * A section body is Markdown written by authors, but it sits inside a Marp deck, where some plain
 * Markdown means something else: a thematic break splits the slide, an HTML comment is a directive
 * or a presenter note, a `<style>` block restyles the deck, and a block left open (an unclosed code
 * fence or `<pre>`) swallows every slide after it. This makes a body slide-safe and cuts it into
 * top-level blocks, so a long body can continue on the next slide.
 */

// The block structure Marp sees (marp-core: CommonMark + tables + strikethrough), without Marp itself.
const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);

export interface BodyBlock {
  /** Markdown of the block (a top-level block, or one item of a top-level list, or a piece of one). */
  text: string;
  kind: 'paragraph' | 'item' | 'heading' | 'table' | 'code' | 'quote' | 'other';
  /** Pieces of one list, paragraph or table share a group: joined by `joiner`, they stay one list, paragraph or table.
   * */
  group?: number;
  joiner?: string;
  /** Where a paragraph (its sentences) or a table (its rows) may be cut when it does not fit one slide. */
  pieces?: BodyBlock[];
  /** A table row's header and delimiter lines, repeated where the table continues. */
  head?: string;
}

const ZWSP = '\u200B';

/** The body with nothing that changes the deck around it (see the module comment). */
export function slideSafeBody(body: string): string {
  let lines = body.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const tokens = md.parse(lines.join('\n'), {});
  const drop = new Set<number>();
  for (const t of tokens) {
    if (t.level !== 0 || !t.map) continue;
    // A rule inside a slide stays a rule, but as HTML it cannot split the slide.
    if (t.type === 'hr') lines[t.map[0]] = '<hr>\n';
    // A comment on its own is invisible in Markdown: drop it rather than show it.
    if (t.type === 'html_block' && /^<!--[\s\S]*-->$/.test(t.content.trim()))
      for (let i = t.map[0]; i < t.map[1]; i++) drop.add(i);
  }
  lines = lines.filter((_, i) => !drop.has(i));
  let text = neutralise(lines.join('\n'));
  text = closeOpenBlocks(text);
  return text;
}

/** Comments anywhere else (inline, in code) and `<style>` become text: a zero-width space breaks the token. */
function neutralise(text: string): string {
  return text.replace(/<!--/g, `<!${ZWSP}--`).replace(/<(\/?)(style)/gi, `<$1${ZWSP}$2`);
}

/**
 * A fence or an HTML block of CommonMark types 1–5 (`<pre`, `<script`, `<textarea`, `<?`, `<!X`,
 * `<![CDATA[`) runs to the end of the document when it is not closed. Probe: whatever follows the
 * body must still parse as its own blocks.
 */
function closeOpenBlocks(text: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const lines = text.split('\n');
    const probe = md.parse(`${text}\n\n---\n\nPROBE\n`, {});
    const open = probe.find(
      (t) =>
        (t.type === 'fence' || t.type === 'html_block') &&
        t.level === 0 &&
        t.map &&
        t.map[0] < lines.length &&
        t.map[1] > lines.length,
    );
    if (!open?.map) return text;
    if (open.type === 'fence') {
      text = `${text}\n${open.markup}`;
    } else {
      // Make the block's opening `<` text, so it is no longer an HTML block.
      const first = open.map[0];
      lines[first] = lines[first]!.replace('<', '&lt;');
      text = lines.join('\n');
    }
  }
  return text;
}

/** Top-level blocks of a (slide-safe) body; a top-level list contributes one block per item. */
export function bodyBlocks(body: string): BodyBlock[] {
  const lines = body.split('\n');
  const tokens = md.parse(body, {});
  const blocks: BodyBlock[] = [];
  const slice = (from: number, to: number) => lines.slice(from, to).join('\n').replace(/\n+$/, '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const end = t.map[1];
      for (let j = i + 1; j < tokens.length && tokens[j]!.level > 0; j++) {
        const item = tokens[j]!;
        if (item.type === 'list_item_open' && item.level === 1 && item.map) {
          // Items keep their own marker, so an ordered list continues with its own numbers.
          blocks.push({ text: slice(item.map[0], Math.min(item.map[1], end)), kind: 'item', group: i, joiner: '\n' });
        }
      }
      continue;
    }
    const text = slice(t.map[0], t.map[1]);
    if (t.type === 'paragraph_open') {
      // A paragraph taller than a slide may continue on the next one: between sentences.
      const sentences = sentencesOf(text);
      blocks.push({
        text,
        kind: 'paragraph',
        ...(sentences.length > 1
          ? { pieces: sentences.map((s) => ({ text: s, kind: 'paragraph' as const, group: i, joiner: ' ' })) }
          : {}),
      });
    } else if (t.type === 'table_open') {
      const [header, delimiter, ...rows] = text.split('\n');
      const head = `${header}\n${delimiter}`;
      blocks.push({
        text,
        kind: 'table',
        ...(rows.length > 1
          ? { pieces: rows.map((r) => ({ text: r, kind: 'table' as const, group: i, joiner: '\n', head })) }
          : {}),
      });
    } else {
      const kind =
        t.type === 'heading_open'
          ? 'heading'
          : t.type === 'fence' || t.type === 'code_block'
            ? 'code'
            : t.type === 'blockquote_open'
              ? 'quote'
              : 'other';
      blocks.push({ text, kind });
    }
  }
  return blocks;
}

/** Blocks back into Markdown: pieces of one list, paragraph or table stay one; a continued table repeats its header. */
export function joinBlocks(blocks: readonly BodyBlock[]): string {
  return blocks
    .map((b, i) => {
      const same = b.group !== undefined && b.group === blocks[i - 1]?.group;
      const start = i === 0 ? '' : same ? (b.joiner ?? '\n') : '\n\n';
      return start + (b.head && !same ? `${b.head}\n` : '') + b.text;
    })
    .join('');
}

/**
 * Sentences of a paragraph, cut only where no inline markup is open (code, emphasis, math, a link,
 * an HTML tag), so each piece is still valid Markdown on its own.
 */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/(?<=[.!?]["”’)]?) +(?=["“(]?[A-Z0-9])/g)) {
    const piece = text.slice(start, m.index);
    if (balanced(piece)) {
      out.push(piece);
      start = m.index + m[0].length;
    }
  }
  out.push(text.slice(start));
  return out.filter((p) => p.trim() !== '');
}

function balanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return (
    count(/`/g) % 2 === 0 &&
    count(/\*/g) % 2 === 0 &&
    count(/(?<![\w\\])_|_(?!\w)/g) % 2 === 0 &&
    count(/\$/g) % 2 === 0 &&
    count(/\[/g) === count(/\]/g) &&
    count(/</g) === count(/>/g) &&
    count(/\(/g) === count(/\)/g)
  );
}
