/**
 * The deck viewer inside slides.html: plain browser JS and CSS, no dependencies, nothing fetched.
 * Audience view: one slide at a time, scaled to the window. Presenter view (`p`, or `?presenter`):
 * current and next slide, notes, elapsed time. The two windows keep each other on the same slide
 * with postMessage, which works between windows opened from file:// (BroadcastChannel does not:
 * file:// pages have opaque origins).
 */

export const VIEWER_JS = String.raw`(() => {
  'use strict';
  const slides = Array.from(document.querySelectorAll('.marpit > svg[data-marpit-svg]'));
  const notes = Array.from(document.querySelectorAll('#dh-notes > .dh-note'));
  const total = slides.length;
  const presenter = new URLSearchParams(location.search).has('presenter');
  const stringsEl = document.getElementById('dh-strings');
  const words = stringsEl ? JSON.parse(stringsEl.dataset.json || '{}') : {};
  const word = (k) => words[k] || k;
  let current = -1;
  let peer = null;
  const clamp = (i) => Math.max(0, Math.min(total - 1, i));
  const fromHash = () => {
    const m = /^#(\d+)$/.exec(location.hash);
    return m ? clamp(Number(m[1]) - 1) : 0;
  };

  const stage = presenter ? buildPresenter() : null;

  function show(i, tell) {
    i = clamp(i);
    if (i === current) return;
    current = i;
    slides.forEach((s, k) => {
      s.classList.toggle('dh-current', k === i);
      s.setAttribute('aria-hidden', String(k !== i));
    });
    if (location.hash !== '#' + (i + 1)) history.replaceState(null, '', '#' + (i + 1));
    if (stage) stage.update(i);
    if (tell !== false) send();
  }
  function send() {
    const target = presenter ? window.opener : peer;
    if (target && !target.closed) target.postMessage({ deckhand: 'goto', slide: current }, '*');
  }

  window.addEventListener('message', (e) => {
    const d = e.data;
    if (!d || d.deckhand !== 'goto' || typeof d.slide !== 'number') return;
    // The other window of this deck: the presenter we opened, our opener, or a presenter that
    // outlived a reload of the audience window.
    if (!presenter && e.source && e.source !== peer) peer = e.source;
    show(d.slide, false);
  });
  window.addEventListener('hashchange', () => show(fromHash()));

  const next = () => show(current + 1);
  const prev = () => show(current - 1);

  // Overlays: a black or white screen, the overview of all slides, go-to-slide, and the key help.
  const layer = (cls) => {
    const e = document.createElement('div');
    e.className = 'dh-layer ' + cls;
    e.hidden = true;
    document.body.appendChild(e);
    return e;
  };
  const screen = layer('dh-screen');
  const overview = layer('dh-overview');
  overview.setAttribute('role', 'dialog');
  overview.setAttribute('aria-label', word('viewerOverview'));
  const goto = layer('dh-goto');
  goto.setAttribute('role', 'dialog');
  const gotoLabel = document.createElement('label');
  gotoLabel.textContent = word('viewerGoTo') + ' ';
  const gotoInput = document.createElement('input');
  gotoInput.type = 'number';
  gotoInput.min = '1';
  gotoInput.max = String(total);
  gotoLabel.appendChild(gotoInput);
  goto.appendChild(gotoLabel);
  const help = layer('dh-help');
  help.setAttribute('role', 'dialog');
  help.setAttribute('aria-label', word('viewerHelp'));
  const KEYS = [
    ['→ ↓ ' + word('viewerSpace') + ', ' + word('viewerClick'), 'viewerNext'],
    ['← ↑ Shift+' + word('viewerSpace'), 'viewerPrevious'],
    ['Home / End', 'viewerFirstLast'],
    ['b  .', 'viewerBlack'],
    ['w', 'viewerWhite'],
    ['o', 'viewerOverview'],
    ['g', 'viewerGoTo'],
    ['f', 'viewerFullscreen'],
    ['p', 'viewerPresenter'],
    ['?', 'viewerHelp'],
    ['Esc', 'viewerClose'],
  ];
  const heading = document.createElement('h2');
  heading.textContent = word('viewerHelp');
  const table = document.createElement('dl');
  for (const [keys, what] of KEYS) {
    const dt = document.createElement('dt');
    dt.textContent = keys;
    const dd = document.createElement('dd');
    dd.textContent = word(what);
    table.append(dt, dd);
  }
  help.append(heading, table);
  const open = () => [screen, overview, goto, help].find((l) => !l.hidden);
  const closeAll = () => [screen, overview, goto, help].forEach((l) => (l.hidden = true));
  function blank(colour) {
    const same = !screen.hidden && screen.dataset.colour === colour;
    closeAll();
    if (same) return;
    screen.dataset.colour = colour;
    screen.hidden = false;
  }
  function showOverview() {
    closeAll();
    overview.replaceChildren();
    slides.forEach((s, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'dh-thumb' + (i === current ? ' dh-thumb-current' : '');
      b.setAttribute('aria-label', String(i + 1));
      b.appendChild(slideView(s));
      b.addEventListener('click', (e) => { e.stopPropagation(); closeAll(); show(i); });
      overview.appendChild(b);
    });
    overview.hidden = false;
    const here = overview.children[current];
    if (here) here.focus();
  }
  function showGoto() {
    closeAll();
    goto.hidden = false;
    gotoInput.value = '';
    gotoInput.focus();
  }
  gotoInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const n = Number(gotoInput.value);
      closeAll();
      if (n >= 1) show(n - 1);
      e.preventDefault();
    }
    e.stopPropagation();
    if (e.key === 'Escape') closeAll();
  });
  function toggleHelp() {
    const was = !help.hidden;
    closeAll();
    help.hidden = was;
  }

  // Click or tap advances (not on a link, a button or an overlay; presenters click the slide).
  document.addEventListener('click', (e) => {
    if (presenter || e.button !== 0 || e.target.closest('a, button, input, label, .dh-layer:not(.dh-screen)')) return;
    if (!screen.hidden) { closeAll(); return; }
    next();
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    if (k === 'Escape' && open()) closeAll();
    else if (k === 'b' || k === 'B' || k === '.') blank('black');
    else if (k === 'w' || k === 'W') blank('white');
    else if (k === 'o' || k === 'O') (overview.hidden ? showOverview : closeAll)();
    else if (k === 'g' || k === 'G') showGoto();
    else if (k === '?') toggleHelp();
    else if (open() === overview && (k === 'Enter' || k === ' ')) return;
    else if (['ArrowRight', 'ArrowDown', 'PageDown', 'n'].includes(k) || (k === ' ' && !e.shiftKey)) next();
    else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].includes(k) || (k === ' ' && e.shiftKey)) prev();
    else if (k === 'Home') show(0);
    else if (k === 'End') show(total - 1);
    else if (k === 'f' || k === 'F') fullscreen();
    else if ((k === 'p' || k === 'P') && !presenter) openPresenter();
    else return;
    if (!['b', 'B', '.', 'w', 'W', 'o', 'O', 'g', 'G', '?', 'Escape', 'f', 'F', 'p', 'P'].includes(k)) closeAll();
    e.preventDefault();
  });

  /** A slide inside a .marpit box of its own, so the theme's selectors (div.marpit > svg > …) still apply. */
  function slideView(svg) {
    const box = document.createElement('div');
    box.className = 'marpit dh-view';
    const copy = svg.cloneNode(true);
    copy.removeAttribute('aria-hidden');
    copy.classList.remove('dh-current');
    box.appendChild(copy);
    return box;
  }

  let touch = null;
  document.addEventListener('touchstart', (e) => {
    touch = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
  }, { passive: true });
  document.addEventListener('touchend', (e) => {
    if (!touch || !e.changedTouches.length) return;
    const dx = e.changedTouches[0].clientX - touch.x;
    const dy = e.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) (dx < 0 ? next : prev)();
  }, { passive: true });

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
  }

  function openPresenter() {
    const url = location.href.replace(/[?#].*$/, '') + '?presenter#' + (current + 1);
    const w = window.open(url, 'deckhand-presenter', 'popup,width=1100,height=700');
    if (w) peer = w;
  }

  function buildPresenter() {
    document.body.classList.add('dh-presenter');
    document.title = word('viewerPresenterTitle') + ' · ' + document.title;
    const el = (tag, cls, parent) => {
      const e = document.createElement(tag);
      e.className = cls;
      parent.appendChild(e);
      return e;
    };
    const root = el('div', 'dh-p-root', document.body);
    const now = el('div', 'dh-p-now', root);
    const side = el('div', 'dh-p-side', root);
    const soon = el('div', 'dh-p-next', side);
    const bar = el('div', 'dh-p-bar', side);
    const counter = el('span', 'dh-p-count', bar);
    const timer = el('button', 'dh-p-time', bar);
    timer.type = 'button';
    timer.title = word('viewerTimer');
    const notesBox = el('div', 'dh-p-notes', side);
    notesBox.setAttribute('aria-live', 'polite');
    let start = Date.now();
    const tick = () => {
      const s = Math.floor((Date.now() - start) / 1000);
      timer.textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
    };
    timer.addEventListener('click', () => { start = Date.now(); tick(); });
    tick();
    setInterval(tick, 1000);
    const put = (box, i) => {
      box.replaceChildren();
      if (i < total) box.appendChild(slideView(slides[i]));
      else el('p', 'dh-p-end', box).textContent = word('viewerEnd');
    };
    return {
      update(i) {
        put(now, i);
        put(soon, i + 1);
        counter.textContent = word('viewerCount').replace('{n}', i + 1).replace('{total}', total);
        const note = notes.find((n) => n.dataset.slide === String(i + 1));
        notesBox.replaceChildren();
        if (note) notesBox.appendChild(note.cloneNode(true));
        else el('p', 'dh-p-none', notesBox).textContent = word('viewerNoNotes');
      },
    };
  }

  show(fromHash(), false);
  document.documentElement.classList.add('dh-ready');
})();`;

/** Viewer CSS; `@page` gets the deck's size so printing gives one slide per page. */
export function viewerCss(width: number, height: number): string {
  return `html,body{margin:0;padding:0;background:#000;height:100%;overflow:hidden}
.marpit>svg[data-marpit-svg]{display:none}
.marpit>svg.dh-current,html:not(.dh-ready) .marpit>svg:first-child{display:block;position:fixed;inset:0;\
width:100vw;height:100vh}
#dh-notes{display:none}
body.dh-presenter{background:#1b1b1b;color:#eee;font:16px/1.4 system-ui,sans-serif;overflow:auto}
body.dh-presenter>.marpit{display:none}
.dh-p-root{display:grid;grid-template-columns:3fr 2fr;gap:16px;padding:16px;height:100vh;box-sizing:border-box}
.dh-p-now,.dh-p-next{min-height:0}
.dh-p-now>.dh-view,.dh-p-next>.dh-view{width:100%;height:100%}
.dh-view>svg[data-marpit-svg]{display:block;width:100%;height:100%;max-height:100%}
.dh-layer{position:fixed;inset:0;z-index:10}
.dh-layer[hidden]{display:none}
.dh-screen{background:#000}
.dh-screen[data-colour=white]{background:#fff}
.dh-overview{background:#111;overflow:auto;display:grid;\
grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px;padding:16px;align-content:start}
.dh-thumb{display:block;padding:0;border:3px solid transparent;background:#000;cursor:pointer;\
aspect-ratio:${width}/${height}}
.dh-thumb:focus,.dh-thumb-current{border-color:#4fd1c5;outline:none}
.dh-goto,.dh-help{background:rgba(0,0,0,.72);display:flex;align-items:center;justify-content:center;\
flex-direction:column;color:#fff;font:24px/1.4 "DejaVu Sans",system-ui,sans-serif}
.dh-goto input{font:inherit;width:5em;margin-left:.4em;padding:2px 8px}
.dh-help h2{margin:0 0 .6em;font-size:32px}
.dh-help dl{display:grid;grid-template-columns:auto auto;gap:6px 28px;margin:0;background:#1b1f24;\
padding:20px 32px;border-radius:8px}
.dh-help dt{font-weight:bold;text-align:right;color:#4fd1c5}
.dh-help dd{margin:0}
.dh-p-side{display:grid;grid-template-rows:minmax(0,38%) auto minmax(0,1fr);gap:12px;min-height:0}
.dh-p-bar{display:flex;justify-content:space-between;align-items:center;font-size:20px}
.dh-p-time{font:inherit;font-variant-numeric:tabular-nums;color:inherit;background:#333;border:0;\
border-radius:4px;padding:2px 10px;cursor:pointer}
.dh-p-notes{overflow:auto;font-size:22px;line-height:1.5;background:#262626;padding:8px 16px;border-radius:4px}
.dh-p-notes p{margin:0 0 .6em}
.dh-p-none,.dh-p-end{color:#999;font-style:italic}
@media print{
@page{size:${width}px ${height}px;margin:0}
html,body{background:none;height:auto;overflow:visible}
.marpit>svg[data-marpit-svg],.marpit>svg.dh-current{display:block!important;position:static!important;\
width:${width}px!important;height:${height}px!important;break-after:page;page-break-after:always}
.marpit>svg[data-marpit-svg]:last-of-type{break-after:auto;page-break-after:auto}
.dh-p-root{display:none}
body.dh-presenter>.marpit{display:block}
}
`;
}
