import { createHash } from 'node:crypto';

/**
 * Chromium stamps a PDF with the time it printed it (Info CreationDate and ModDate; an /ID where
 * the version writes one). These are rewritten in place to the build date (SOURCE_DATE_EPOCH when
 * set) with strings of the same length, so the cross-reference offsets stay valid and two builds
 * with the same inputs, date and Chromium version are byte-identical.
 */
export function stampPdf(pdf: Uint8Array, date: Date): Uint8Array {
  // latin1 maps bytes 1:1 to chars, so binary streams survive the round trip.
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(/\((D:\d{14})(Z|[+-]\d\d'\d\d'?)\)/g, (whole, _d: string, zone: string) => {
    const stamp = `D:${pdfDate(date)}${zone === 'Z' ? 'Z' : `+00'00${zone.endsWith("'") ? "'" : ''}`}`;
    return stamp.length + 2 === whole.length ? `(${stamp})` : whole;
  });
  const ids = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/;
  const m = ids.exec(text);
  if (m) {
    const digest = createHash('sha256').update(text.replace(ids, '')).digest('hex');
    const id = (len: number) => digest.repeat(Math.ceil(len / digest.length)).slice(0, len);
    text = text.replace(ids, (whole) => whole.replace(m[1]!, id(m[1]!.length)).replace(m[2]!, id(m[2]!.length)));
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
  return `${day}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
