import { createHash } from 'node:crypto';

/** Where the browser listens for rebuilds (server-sent events). */
export const EVENTS_PATH = '/__deckhand/events';
/** `/__deckhand/pdf/<artifact>`: a page that shows a PDF artifact and reloads it when a rebuild changes it. */
export const PDF_VIEW_PATH = '/__deckhand/pdf/';

/** A problem of a failed rebuild as the overlay shows it: `where` is `path:line:col` (relative) or a path. */
export interface ShownProblem {
  where: string;
  severity: 'error' | 'warning';
  message: string;
  code: string;
  hint?: string;
}

/**
 * The script the preview adds to served HTML (never to the files on disk). On `change`: reloads the
 * page when a rebuild changed it (`self`; a deck keeps its `#slide`; the PDF page reloads its frame),
 * or on any rebuild (the index). On `problems`: shows the failed rebuild's errors over the page, at
 * their positions, or takes them away (an empty list: the next good build). Text goes in with
 * textContent, styles through the CSSOM: nothing a topic says can become markup, and the deck's
 * Content-Security-Policy (no inline styles) is kept.
 */
export function reloadScript(scope: 'self' | 'any'): string {
  return `(() => {
  const me = decodeURIComponent(location.pathname).replace(/^\\//, '');
  const frame = document.querySelector('iframe[data-artifact]');
  const watched = frame ? frame.dataset.artifact : me;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('change', (e) => {
    const changed = JSON.parse(e.data);
    if (!${scope === 'any' ? 'true' : 'changed.includes(watched)'}) return;
    if (frame) frame.src = '/' + watched.split('/').map(encodeURIComponent).join('/') + '?rebuilt=' + Date.now();
    else location.reload();
  });
  const el = (tag, style, text) => {
    const node = document.createElement(tag);
    node.style.all = 'initial';
    Object.assign(node.style, { display: 'block', fontFamily: 'system-ui, sans-serif', color: '#1b1b1b' }, style);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  let box;
  events.addEventListener('problems', (e) => {
    const list = JSON.parse(e.data);
    if (box) box.remove();
    box = undefined;
    if (!list.length) return;
    box = el('div', {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', boxSizing: 'border-box',
      padding: '2rem', background: 'rgba(255, 255, 255, 0.97)', fontSize: '16px', lineHeight: '1.45',
    });
    box.id = 'deckhand-problems';
    box.setAttribute('role', 'alert');
    const errors = list.filter((p) => p.severity === 'error').length;
    box.append(el('h1', { fontSize: '22px', fontWeight: '700', color: '#a4000f', margin: '0 0 .4rem' },
      'Rebuild failed: ' + errors + (errors === 1 ? ' error' : ' errors')));
    box.append(el('p', { margin: '0 0 1.2rem', color: '#444' },
      'This page shows the last good build. Fix the problems below and save: it updates by itself.'));
    for (const p of list) {
      const item = el('div', { margin: '0 0 1rem', paddingLeft: '.8rem',
        borderLeft: '4px solid ' + (p.severity === 'error' ? '#a4000f' : '#8a5a00') });
      item.className = 'deckhand-problem';
      item.append(el('code', { fontFamily: 'ui-monospace, monospace', fontSize: '14px', color: '#333' }, p.where));
      item.append(el('div', { fontWeight: '600', margin: '.15rem 0' }, \
p.severity + ': ' + p.message + '  [' + p.code + ']'));
      if (p.hint) item.append(el('div', { color: '#444' }, 'hint: ' + p.hint));
      box.append(item);
    }
    document.body.append(box);
  });
})();`;
}

/** The CSP source for a script, by its hash. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

const CSP_META = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")/i;

/**
 * Adds the reload script to a served page. Decks carry a strict Content-Security-Policy (no
 * scripts but their own, no connections): the served copy's policy also allows this one script,
 * by its hash, and connections to the preview server itself.
 */
export function injectReload(html: string): string {
  const script = reloadScript('self');
  const hash = scriptHash(script);
  const withPolicy = html.replace(
    CSP_META,
    (_m, head: string, policy: string, tail: string) => head + allow(policy, hash) + tail,
  );
  const tag = `<script>${script}</script>`;
  const at = withPolicy.lastIndexOf('</body>');
  return at < 0 ? withPolicy + tag : withPolicy.slice(0, at) + tag + withPolicy.slice(at);
}

function allow(policy: string, scriptHash: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const add = (name: string, source: string) => {
    const i = directives.findIndex((d) => d.split(/\s+/)[0]!.toLowerCase() === name);
    if (i < 0) directives.push(`${name} ${source}`);
    else directives[i] = `${directives[i]!.replace(/\s'none'/, '')} ${source}`;
  };
  add('script-src', scriptHash);
  add('connect-src', "'self'");
  return directives.join('; ');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The policy of the PDF page: its script, the PDF in a frame from this server, nothing else. */
export function pdfViewPolicy(): string {
  return (
    `default-src 'none'; script-src ${scriptHash(reloadScript('self'))}; frame-src 'self'; connect-src 'self'; ` +
    `style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`
  );
}

/** The page the index links a PDF to: the PDF filling the window, reloaded in place after a rebuild changes it. */
export function pdfViewPage(artifact: string): string {
  const src = '/' + artifact.split('/').map(encodeURIComponent).join('/');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" \
content="${esc(pdfViewPolicy())}">
<title>${esc(artifact)} — deckhand preview</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body><iframe data-artifact="${esc(artifact)}" src="${esc(src)}" title="${esc(artifact)}"></iframe>
<script>${reloadScript('self')}</script>
</body></html>
`;
}
