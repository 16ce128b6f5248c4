// Draws content/img/stem-cell-actions.svg, the sample topic's diagram: the three ways the article says
// stem cells may act in autoimmune disorders. Written by this script (no outside artwork), so it is
// under the project's MIT licence like the rest of the sample. Run: node scripts/diagram.mjs
import { writeFileSync } from 'node:fs';

const W = 800;
const H = 560;
const navy = '#0b3954';
const teal = '#0f7b8a';
const tint = '#e7f2f3';
const ways = [
  { x: 130, title: 'Calm', line2: 'the immune system' },
  { x: 400, title: 'Repair', line2: 'damaged tissue' },
  { x: 670, title: 'Damp down', line2: 'the attack' },
];
const text = (x, y, size, weight, fill, s) =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans, Verdana, sans-serif" ` +
  `font-size="${size}" font-weight="${weight}" ` +
  `fill="${fill}" text-anchor="middle">${s}</text>`;

const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">`,
  '<title>Three ways stem cells may help</title>',
  `<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" ` +
    `orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${teal}"/></marker></defs>`,
  `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
  // The stem cell: a cell with a nucleus.
  `<circle cx="400" cy="120" r="86" fill="${tint}" stroke="${teal}" stroke-width="6"/>`,
  `<circle cx="420" cy="105" r="30" fill="${teal}" opacity="0.85"/>`,
  text(400, 168, 26, 'bold', navy, 'Stem cells'),
];
for (const w of ways) {
  parts.push(
    `<path d="M400 212 C 400 260, ${w.x} 260, ${w.x} 318" fill="none" stroke="${teal}" stroke-width="5" ` +
      `marker-end="url(#arrow)"/>`,
    `<rect x="${w.x - 118}" y="330" width="236" height="150" rx="18" fill="${tint}" stroke="${navy}" ` +
      `stroke-width="3"/>`,
    text(w.x, 395, 32, 'bold', navy, w.title),
    text(w.x, 438, 22, 'normal', '#1b1f24', w.line2),
  );
}
parts.push(text(400, 536, 20, 'normal', '#555f6b', 'Most of these treatments are still being tested.'), '</svg>', '');
writeFileSync(new URL('../content/img/stem-cell-actions.svg', import.meta.url), parts.join('\n'));
