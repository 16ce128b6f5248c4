import { createHash } from 'node:crypto';

/** Where the browser listens for rebuilds (server-sent events). */
export const EVENTS_PATH = '/__deckhand/events';

/**
 * The script the preview adds to served HTML (never to the files on disk): reloads the page when
 * a rebuild changed it (`self`), or on any rebuild (the index). A deck keeps its `#slide`.
 */
export function reloadScript(scope: 'self' | 'any'): string {
  return `(() => {
  const me = decodeURIComponent(location.pathname).replace(/^\\//, '');
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('change', (e) => {
    const changed = JSON.parse(e.data);
    if (${scope === 'any' ? 'true' : 'changed.includes(me)'}) location.reload();
  });
})();`;
}

const CSP_META = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")/i;

/**
 * Adds the reload script to a served page. Decks carry a strict Content-Security-Policy (no
 * scripts but their own, no connections): the served copy's policy also allows this one script,
 * by its hash, and connections to the preview server itself.
 */
export function injectReload(html: string): string {
  const script = reloadScript('self');
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
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
