/** Patches of one PDFKit document (pdfkit internals; see versions.ts). */

type Doc = PDFKit.PDFDocument;

/** pdfkit pastes Title/Author/Subject into the XMP unescaped: a title with `&` would break the XML. */
export function escapeXmp(doc: Doc): void {
  const d = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = d._addInfo;
  d._addInfo = function (this: typeof d) {
    const raw = this.info;
    this.info = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? xmlEscape(v) : v]));
    try {
      addInfo.call(this);
    } finally {
      this.info = raw;
    }
  };
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const layoutCaches = new WeakMap<object, Record<string, unknown>>();

/**
 * pdfkit shapes every word again in each new document (fontkit's OpenType layout dominates a
 * handout's cost). Its cached runs depend only on the font, so the documents of a process share them.
 * Opening a font without using it embeds nothing.
 */
export function shareLayoutCaches(doc: Doc, fonts: Record<string, object>): void {
  const internal = doc as unknown as { _font: { layoutCache?: Record<string, unknown> } | null };
  const before = internal._font;
  for (const [key, font] of Object.entries(fonts)) {
    doc.font(key);
    let cache = layoutCaches.get(font);
    if (!cache) layoutCaches.set(font, (cache = Object.create(null) as Record<string, unknown>));
    if (internal._font?.layoutCache) internal._font.layoutCache = cache;
  }
  internal._font = before;
}
