import type { Marp } from '@marp-team/marp-core';

/**
 * Marpit re-runs its PostCSS pipeline over the whole theme on every render (30–100 ms a deck), though
 * the result depends only on the theme's CSS and the pack options. marp-core's `size` directive makes
 * a new theme object per render, so the key is the CSS itself. Returns a function that forgets all
 * (call it when themes are added: an `@import` may now resolve differently).
 */
export function memoizeThemePacking(marp: Marp): () => void {
  const themes = marp.themeSet;
  const pack = themes.pack.bind(themes);
  const packed = new Map<string, string>();
  themes.pack = (name, opts) => {
    const theme = themes.get(name as string, true);
    if (!theme) return pack(name, opts);
    const key = `${theme.name}\u0000${theme.css}\u0000${JSON.stringify(opts)}`;
    let css = packed.get(key);
    if (css === undefined) packed.set(key, (css = pack(name, opts)));
    return css;
  };
  return () => packed.clear();
}
