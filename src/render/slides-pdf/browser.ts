import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { RenderError } from '../types.js';

const FIXED = ['/usr/bin/chromium'];
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set CHROME_PATH to the browser ' +
  'executable';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The browser to print with: CHROME_PATH, then /usr/bin/chromium, then chromium-browser or google-chrome on PATH. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CHROME_PATH?.trim();
  if (given) {
    if (executable(given)) return given;
    throw new RenderError(
      `CHROME_PATH is "${given}", which is not an executable file`,
      `point CHROME_PATH at a Chromium or Chrome executable, or unset it to search for one (${ON_PATH.join(', ')})`,
    );
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const found = [...FIXED, ...ON_PATH.flatMap((name) => dirs.map((d) => join(d, name)))].find(executable);
  if (found) return found;
  throw new RenderError(
    `slides.pdf needs Chromium or Chrome, and none was found (looked for CHROME_PATH, ${FIXED.join(', ')}, and ` +
      `${ON_PATH.join(', ')} on PATH)`,
    INSTALL_HINT,
  );
}

/**
 * A build makes no network request, Chromium's own background services included: component
 * updates, and every host name resolved to nothing (its DNS prefetch and safe-browsing lookups ran
 * despite --disable-background-networking). Pages are deckhand's own files, loaded from memory.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-extensions',
  '--no-first-run',
];

/** Launches the browser (playwright-core, imported lazily: only PDF builds load it). */
export async function launchBrowser(path: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath: path,
      // No sandbox: CI containers run as root, where Chromium's sandbox refuses to start. The page is
      // deckhand's own output under a CSP that blocks scripts and requests other than its own.
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    throw new RenderError(`cannot start the browser at ${path}: ${(e as Error).message.split('\n')[0]}`, INSTALL_HINT);
  }
}
