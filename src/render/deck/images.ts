// Marp's image keywords (marpit 3 lib/markdown/image/parse.js and background_image/parse.js): the alt
// text of `![…](url)` is split at spaces and the words Marp understands are taken out of it.

export interface ImageOptions {
  /** What is left of the alt text. */
  alt: string;
  background: boolean;
  /** `w:` / `width:` and `h:` / `height:` as CSS lengths (`300px`, `50%`, `auto`). */
  width?: string;
  height?: string;
  /** Background: `cover`, `contain`, `auto`, or a scale like `50%`. */
  size?: string;
  split?: { side: 'left' | 'right'; fraction: number };
  direction?: 'horizontal' | 'vertical';
}

const LENGTH = '((?:\\d*\\.)?\\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)';
const WIDTH = new RegExp(`^w(?:idth)?:${LENGTH}$`);
const HEIGHT = new RegExp(`^h(?:eight)?:${LENGTH}$`);
const FILTER = /^(?:blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::.+)?$/;
const SHADOW = /^drop-shadow(?::(.+?),(.+?)(?:,(.+?))?(?:,(.+?))?)?$/;
const SCALE = /^(\d*\.)?\d+%$/;
const SPLIT = /^(left|right)(?::((?:\d*\.)?\d+)%)?$/;
const BG_SIZE: Record<string, string> = { auto: 'auto', contain: 'contain', cover: 'cover', fit: 'contain' };

const px = (v: string) => (/^(\d*\.)?\d+$/.test(v) ? `${v}px` : v);

/** Reads the keywords of an image's raw alt text (markdown-it's image token `content`). */
export function imageOptions(rawAlt: string): ImageOptions {
  const parts = rawAlt.split(/(\s+)/);
  const words: { text: string; leading: string; consumed: boolean }[] = [];
  let leading = '';
  parts.forEach((p, i) => {
    if (i % 2 === 0 && p.length > 0) {
      words.push({ text: p, leading, consumed: false });
      leading = '';
    } else leading += p;
  });
  const out: ImageOptions = { alt: '', background: false };
  for (const w of words) {
    let m: RegExpExecArray | null;
    if (SCALE.test(w.text)) out.size = w.text;
    else if ((m = WIDTH.exec(w.text))) out.width = px(m[1]!);
    else if ((m = HEIGHT.exec(w.text))) out.height = px(m[1]!);
    else if (!FILTER.test(w.text) && !SHADOW.test(w.text)) continue;
    w.consumed = true;
  }
  if (words.some((w) => !w.consumed && w.text === 'bg')) {
    out.background = true;
    for (const w of words) {
      if (w.consumed) continue;
      let consumed = w.text === 'bg';
      if (BG_SIZE[w.text]) {
        out.size = BG_SIZE[w.text];
        consumed = true;
      }
      const m = SPLIT.exec(w.text);
      if (m) {
        out.split = { side: m[1] as 'left' | 'right', fraction: m[2] ? Number(m[2]) / 100 : 0.5 };
        consumed = true;
      }
      if (w.text === 'vertical' || w.text === 'horizontal') {
        out.direction = w.text;
        consumed = true;
      }
      w.consumed = consumed;
    }
  }
  out.alt = words
    .filter((w) => !w.consumed)
    .map((w) => w.leading + w.text)
    .join('')
    .trimStart();
  return out;
}
