import { createHash } from 'node:crypto';
import type { ManifestEntry } from '../output/manifest.js';
import { PDF_VIEW_PATH, reloadScript } from './live-reload.js';

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The index page's policy: no scripts but the reload script (by its hash), nothing loaded from
 * anywhere, connections only to this server. Sent as a header and in the page.
 */
export function indexPolicy(): string {
  const hash = createHash('sha256').update(reloadScript('any')).digest('base64');
  return (
    `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; connect-src 'self'; base-uri ` +
    `'none'; form-action 'none'; frame-ancestors 'none'`
  );
}

/** The preview's front page: every artifact in the manifest, by topic and audience, reloading on each rebuild. */
export function indexPage(entries: readonly ManifestEntry[]): string {
  const topics = new Map<string, Map<string, ManifestEntry[]>>();
  for (const e of entries) {
    const byAudience = topics.get(e.topic) ?? new Map<string, ManifestEntry[]>();
    topics.set(e.topic, byAudience);
    byAudience.set(e.audience, [...(byAudience.get(e.audience) ?? []), e]);
  }
  const link = (e: ManifestEntry) => {
    const name = e.path.split('/').pop()!;
    const count = e.pages === undefined ? '' : ` <small>(${esc(e.pages)})</small>`;
    const href = e.path.split('/').map(encodeURIComponent).join('/');
    // A PDF opens in a page of the preview's own, which reloads it after a rebuild (a bare PDF runs no script).
    const to = e.path.endsWith('.pdf') ? `${PDF_VIEW_PATH}${href}` : `/${href}`;
    return `<a href="${to}">${esc(name)}</a>${count}`;
  };
  const sections = [...topics]
    .map(([topic, byAudience]) => {
      const rows = [...byAudience]
        .map(
          ([audience, list]) => `<tr><th scope="row">${esc(audience)}</th><td>${list.map(link).join(' · ')}</td></tr>`,
        )
        .join('\n');
      return `<section><h2>${esc(topic)}</h2><table>${rows}</table></section>`;
    })
    .join('\n');
  // frame-ancestors works only as a header (sent too); in the page, Chromium logs an error for it.
  const metaPolicy = indexPolicy().replace(/;\s*frame-ancestors [^;]*/, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" \
content="${esc(metaPolicy)}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>deckhand preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}\
th{text-align:left;padding-right:1.5rem;font-weight:600}td,th{padding-block:.2rem}\
h2{font-size:1.15rem;margin-top:2rem}</style>
</head><body>
<h1>deckhand preview</h1>
${sections || '<p>Nothing built yet.</p>'}
<p><small>Pages reload when a rebuild changes them; a failed rebuild shows its errors over every open page.</small></p>
<script>${reloadScript('any')}</script>
</body></html>
`;
}
