import { lstatSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { readManifest } from '../output/manifest.js';
import { outputPathProblem } from '../output/safe-path.js';
import { indexPage, indexPolicy } from './index-page.js';
import {
  EVENTS_PATH,
  injectReload,
  PDF_VIEW_PATH,
  pdfViewPage,
  pdfViewPolicy,
  type ShownProblem,
} from './live-reload.js';
import { readRegularFile } from '../source/regular-file.js';

export interface PreviewServer {
  url: string;
  /** Tells open pages which artifacts (paths relative to the output folder) a rebuild changed. */
  notify(changed: readonly string[]): void;
  /**
   * Shows a failed rebuild's problems over every open page (and pages opened later), or clears them
   * (an empty list, after a good build).
   */
  problems(list: readonly ShownProblem[]): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the output folder on 127.0.0.1 only, with an index of all artifacts and live reload over
 * server-sent events. Requests for other host names are refused (DNS rebinding), and so are
 * hidden files and anything outside the output folder.
 */
export async function startPreviewServer(outDir: string, port: number): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let current: readonly ShownProblem[] = [];
  const problemsEvent = () => `event: problems\ndata: ${JSON.stringify(current)}\n\n`;
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost')
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
    }
    if (path === EVENTS_PATH) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 1000\n\n');
      // A page opened (or reconnected) while the last rebuild is broken shows it at once.
      if (current.length) res.write(problemsEvent());
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/' || path === '/index.html')
      return send(res, 200, TYPES['.html']!, indexPage([...readManifest(outDir).values()]), indexPolicy());
    const pdf = path.startsWith(PDF_VIEW_PATH) ? path.slice(PDF_VIEW_PATH.length) : undefined;
    const parts = (pdf ?? path).split('/').filter(Boolean);
    if (!parts.length || parts.some((p) => p.startsWith('.') || p.includes('\\') || p.includes('\0')))
      return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const file = join(outDir, ...parts);
    try {
      // Only a regular file reached through real folders: a link in the output folder (to /etc, say) is not served.
      if (outputPathProblem(outDir, file) || !lstatSync(file).isFile()) throw new Error('not a file');
      if (pdf !== undefined) {
        if (extname(file).toLowerCase() !== '.pdf') throw new Error('not a PDF');
        return send(res, 200, TYPES['.html']!, pdfViewPage(parts.join('/')), pdfViewPolicy());
      }
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const read = readRegularFile(file, 256 * 1024 * 1024);
      if (!('bytes' in read)) throw new Error('not a file');
      const bytes = read.bytes;
      send(res, 200, type, type.startsWith('text/html') ? injectReload(bytes.toString('utf8')) : bytes);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
  });
  // Server-sent event streams stay open; a comment now and then keeps proxies and browsers from timing out.
  const heartbeat = setInterval(() => clients.forEach((c) => c.write(': ping\n\n')), 30_000).unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    notify(changed) {
      const data = `event: change\ndata: ${JSON.stringify(changed)}\n\n`;
      for (const c of clients) c.write(data);
    },
    problems(list) {
      if (!list.length && !current.length) return;
      current = list;
      const data = problemsEvent();
      for (const c of clients) c.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, policy?: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(policy ? { 'Content-Security-Policy': policy } : {}),
  });
  res.end(body);
}
