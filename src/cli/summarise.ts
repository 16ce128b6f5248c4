import type { Diagnostic } from '../errors/diagnostic.js';

/** How many findings of one code and severity a file shows in full before they are summed up. */
export const SHOWN_PER_CODE = 10;

/**
 * A terminal report a reader can take in: in each file, the first SHOWN_PER_CODE diagnostics of a
 * code (and severity) are shown, the rest summed up in one line after the file's last one ("… and
 * 966 more DH_READABILITY warnings in content/big.yaml"). A 1 000-section topic otherwise prints
 * about a thousand readability warnings. Only warnings, and the findings lint raises to errors
 * (`--strict`), are summed up: a real input error is always shown. `--json` lists every one.
 */
export function summarise(sorted: readonly Diagnostic[]): (Diagnostic | string)[] {
  const count = new Map<string, number>();
  const key = (d: Diagnostic) => `${d.file ?? ''}\u0000${d.code}\u0000${d.severity}`;
  for (const d of sorted) if (summable(d)) count.set(key(d), (count.get(key(d)) ?? 0) + 1);
  const out: (Diagnostic | string)[] = [];
  const seen = new Map<string, number>();
  const flush = (file: string | undefined) => {
    for (const [k, n] of count) {
      const [f, code, severity] = k.split('\u0000');
      if (f !== (file ?? '') || n <= SHOWN_PER_CODE) continue;
      const more = n - SHOWN_PER_CODE;
      out.push(
        `${file ?? '<input>'}  ${severity}  … and ${more} more ${code} ${severity}${more === 1 ? '' : 's'} ` +
          `in this file (--json lists every one)`,
      );
    }
  };
  sorted.forEach((d, i) => {
    const k = key(d);
    const shown = (seen.get(k) ?? 0) + 1;
    seen.set(k, shown);
    if (!summable(d) || shown <= SHOWN_PER_CODE) out.push(d);
    if (sorted[i + 1]?.file !== d.file) flush(d.file);
  });
  return out;
}

const LINT = new Set([
  'DH_READABILITY',
  'DH_LONG_SENTENCE',
  'DH_LONG_LIST',
  'DH_UNCOMMON_WORD',
  'DH_MISSING_SUMMARY',
  'DH_ENGLISH_WORD',
]);

const summable = (d: Diagnostic) => d.severity === 'warning' || LINT.has(d.code);
