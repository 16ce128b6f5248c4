/** Where the browser listens for rebuilds (server-sent events). */
export const EVENTS_PATH = '/__deckhand/events';

/**
 * Injected into served HTML only, never into the files on disk: reloads the page when a rebuild
 * changed it (`self`), or on any rebuild (the index). A deck keeps its `#slide` across the reload.
 */
export function reloadScript(scope: 'self' | 'any'): string {
  return `<script>(() => {
  const me = decodeURIComponent(location.pathname).replace(/^\\//, '');
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('change', (e) => {
    const changed = JSON.parse(e.data);
    if (${scope === 'any' ? 'true' : 'changed.includes(me)'}) location.reload();
  });
})();</script>`;
}

export function injectReload(html: string): string {
  const script = reloadScript('self');
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
}
