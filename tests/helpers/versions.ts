import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PATCHED_VERSIONS } from '../../src/patches/versions.js';

/** The installed version of a package (read from node_modules: some packages do not export package.json). */
export function installedVersion(pkg: string): string {
  return (
    JSON.parse(readFileSync(join(process.cwd(), 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** Fails when a patched library changed under its patch: re-read its code, re-check the patch, update versions.ts. */
export function expectPatchedVersion(pkg: keyof typeof PATCHED_VERSIONS): void {
  expect(installedVersion(pkg), `${pkg} changed: re-check src/patches against its new code`).toBe(
    PATCHED_VERSIONS[pkg],
  );
}
