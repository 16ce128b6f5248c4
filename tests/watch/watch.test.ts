import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { project, REPO } from '../helpers/project.js';
import { served, startWatch, waitFor } from '../helpers/watch.js';

function fetchText(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    }).on('error', reject);
  });
}

/** Server-sent `change` events, parsed. */
function listen(url: string) {
  const events: string[][] = [];
  let response: IncomingMessage | undefined;
  const req = get(url, (res) => {
    response = res;
    let buf = '';
    res.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = /^data: (.*)$/m.exec(block);
        if (/^event: change$/m.test(block) && data) events.push(JSON.parse(data[1]!));
      }
    });
  });
  return { events, connected: () => Boolean(response), close: () => req.destroy() };
}

describe('deckhand watch', () => {
  it('rebuilds after an edit, survives a broken edit, and live-reloads through the preview server', async () => {
    const dir = project('release');
    // a warm worker shares each rebuild
    const w = startWatch(['--serve', '--port', '0', '-a', 'patient', '-f', 'slides', '--jobs', '2'], dir);
    const base = await served(w);

    const index = await fetchText(base);
    expect(index.status).toBe(200);
    expect(index.body).toContain('href="/sleep/patient/slides.html"');
    expect(index.body).toContain('EventSource');
    const deck = await fetchText(`${base}sleep/patient/slides.html`);
    expect(deck.type).toContain('text/html');
    expect(deck.body).toContain('new EventSource("/__deckhand/events")'); // live reload, served only
    expect(readFileSync(join(dir, 'output/sleep/patient/slides.html'), 'utf8')).not.toContain('__deckhand');
    expect((await fetchText(`${base}.deckhand/cache.json`)).status).toBe(404);
    expect((await fetchText(`${base}%2e%2e/content/sleep.yaml`)).status).toBe(404);
    expect((await fetchText(base, { Host: 'attacker.example' })).status).toBe(403);

    const sse = listen(`${base}__deckhand/events`);
    await waitFor('the event stream', sse.connected, w.stderr);
    const topic = join(dir, 'content/sleep.yaml');
    const original = readFileSync(topic, 'utf8');
    writeFileSync(topic, original.replace('Healthy sleep', 'Restful sleep'));
    await waitFor('the change event', () => sse.events.some((e) => e.includes('sleep/patient/slides.html')), w.stderr);
    expect(readFileSync(join(dir, 'output/sleep/patient/slides.md'), 'utf8')).toContain('Restful sleep');
    expect(sse.events.flat().every((p) => p.startsWith('sleep/'))).toBe(true); // only the edited topic

    writeFileSync(topic, original.replace('title: Healthy sleep', 'title: [Healthy sleep'));
    await waitFor(
      'the error report',
      () => w.stderr().includes('DH_YAML_SYNTAX') && w.stderr().includes('not built'),
      w.stderr,
    );
    expect(readFileSync(join(dir, 'output/sleep/patient/slides.md'), 'utf8')).toContain('Restful sleep');

    writeFileSync(topic, original.replace('Healthy sleep', 'Sound sleep'));
    await waitFor(
      'the rebuild after the fix',
      () => readFileSync(join(dir, 'output/sleep/patient/slides.md'), 'utf8').includes('Sound sleep'),
      w.stderr,
    );
    expect(w.child.exitCode).toBe(null);
    sse.close();
  }, 40_000);

  it('an open deck reloads in a real browser after an edit of its topic, at the same slide', async () => {
    const dir = project('release');
    const w = startWatch(['--serve', '--port', '0', '-a', 'patient', '-f', 'slides', 'content/sleep.yaml'], dir);
    const base = await served(w);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${base}sleep/patient/slides.html#2`);
      await page.waitForFunction(() => document.body.innerText.includes('Healthy sleep'));
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      await new Promise((r) => setTimeout(r, 300)); // the event stream connects
      const topic = join(dir, 'content/sleep.yaml');
      writeFileSync(topic, readFileSync(topic, 'utf8').replace('Healthy sleep', 'Restful sleep'));
      await page.waitForFunction(
        () => !(window as unknown as { marker?: number }).marker && document.body.innerText.includes('Restful sleep'),
        null,
        { timeout: 20_000 },
      );
      expect(new URL(page.url()).hash).toBe('#2');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('rebuilds every topic when a template changes; a deleted topic is cleaned up', async () => {
    const dir = project('release');
    const w = startWatch(['-a', 'student', '-f', 'slides'], dir);
    await waitFor('the watcher', () => w.stderr().includes('watching'), w.stderr);
    const builtin = readFileSync(join(REPO, 'templates/slides.md.hbs'), 'utf8');
    mkdirSync(join(dir, 'templates')); // a folder that did not exist when the watch started
    writeFileSync(join(dir, 'templates/slides.md.hbs'), builtin + '\n<!-- TEMPLATE-EDIT -->\n');
    for (const t of ['asthma', 'sleep', 'vaccines']) {
      await waitFor(
        `${t} rebuilt`,
        () => readFileSync(join(dir, `output/${t}/student/slides.md`), 'utf8').includes('TEMPLATE-EDIT'),
        w.stderr,
      );
    }
    rmSync(join(dir, 'content/diabetes.yaml'));
    await waitFor('the deleted topic cleaned up', () => !existsSync(join(dir, 'output/diabetes')), w.stderr);
    expect(existsSync(join(dir, 'output/sleep/student/slides.md'))).toBe(true);
  }, 40_000);
});
