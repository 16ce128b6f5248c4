import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (CI installs it); one browser per test file keeps the browser tests fast. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
