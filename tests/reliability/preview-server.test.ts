import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/watch/server.js';
import { project } from '../helpers/project.js';

/** Issue 22, items 8 and 11: the preview serves only real files of the output folder, and its index runs no injected
 * markup. */
let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const entry = (path: string, extra: Record<string, unknown> = {}) => ({
  path,
  topic: path.split('/')[0],
  audience: path.split('/')[1],
  format: 'slides',
  bytes: 1,
  sha256: 'a'.repeat(64),
  inputs: 'b'.repeat(64),
  date: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('the preview server', () => {
  it('does not serve files through links in the output folder (item 11)', async () => {
    const root = project(undefined, { 'secret/passwd': 'root:x:0:0', 'out/t/patient/slides.html': '<p>deck</p>' });
    const out = join(root, 'out');
    symlinkSync(join(root, 'secret'), join(out, 'leak'));
    symlinkSync(join(root, 'secret/passwd'), join(out, 't/patient/passwd.md'));
    server = await startPreviewServer(out, 0);
    expect((await fetch(`${server.url}leak/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}t/patient/passwd.md`)).status).toBe(404);
    const ok = await fetch(`${server.url}t/patient/slides.html`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<p>deck</p>');
  });

  it('escapes and validates what a tampered manifest says, with a CSP (item 8)', async () => {
    const root = project();
    const out = join(root, 'out');
    mkdirSync(out, { recursive: true });
    const bad = '<img src=x onerror=alert(1)>';
    const artifacts = [
      entry('t/patient/slides.html', { pages: bad }),
      entry('t/student/slides.html', { pages: 3, topic: `${bad}` }),
      entry('t/clinician/slides.html', { pages: 2 }),
    ];
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ tool: 'deckhand', artifacts }));
    server = await startPreviewServer(out, 0);
    const r = await fetch(server.url);
    const html = await r.text();
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'sha256-/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(1)>'); // the entry with markup as pages is dropped
    expect(html).toContain('&#60;img'); // a text field is shown, escaped
    expect(html).toContain('clinician');
  });
});
