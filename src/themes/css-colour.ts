const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  navy: '#000080',
  gray: '#808080',
  grey: '#808080',
};

/** A CSS colour as #rrggbb: hex, rgb()/rgba() and a few names; undefined for anything else. */
export function cssColour(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m)
    return `#${m[1]!
      .split('')
      .map((c) => c + c)
      .join('')}`;
  m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(v);
  if (m) return `#${m[1]}`;
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb)
    return `#${rgb
      .slice(1, 4)
      .map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0'))
      .join('')}`;
  return NAMED[v];
}
