import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { REPO } from '../helpers/project.js';

const npm = (args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...env },
    timeout: 280_000,
  });
const output = (r: SpawnSyncReturns<string>) => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

/**
 * A newcomer's path: `npm pack` in a copy of the repository (the real prepack and postpack, without
 * rebuilding the dist/ other tests run), then the tarball installed into a fresh project, then
 * `npx deckhand init` and `npx deckhand build` there.
 */
describe('the packed tarball', () => {
  it('installs without a warning or a build step, and builds a topic with npx deckhand', { timeout: 600_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'deckhand-pack-'));
    const clone = join(work, 'repo');
    mkdirSync(clone);
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.types.json', 'README.md'])
      cpSync(join(REPO, f), join(clone, f));
    for (const d of ['src', 'scripts', 'templates']) cpSync(join(REPO, d), join(clone, d), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'));
    const before = readFileSync(join(clone, 'package.json'), 'utf8');

    const pack = npm(['pack', '--json', '--pack-destination', work], clone);
    expect(pack.status, output(pack)).toBe(0);
    expect(readFileSync(join(clone, 'package.json'), 'utf8'), 'postpack restores package.json').toBe(before);
    const tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toContain('package/dist/cli.js');
    expect(listed).toContain('package/templates/slides.md.hbs');
    expect(listed.some((f) => f.startsWith('package/scripts/') || f.startsWith('package/src/'))).toBe(false);
    const shipped = JSON.parse(
      spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
    ) as { scripts?: Record<string, string> };
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall'])
      expect(shipped.scripts?.[hook], hook).toBeUndefined();

    const app = join(work, 'my-talks');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-talks', version: '1.0.0', private: true }));
    // From npm's cache (the repository's install filled it); the registry only when something is not cached there.
    const flags = ['install', '--save-dev', '--no-audit', '--no-fund', tarball];
    let install = npm([...flags, '--offline'], app);
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) install = npm([...flags, '--prefer-offline'], app);
    expect(install.status, output(install)).toBe(0);
    expect(`${install.stdout}${install.stderr}`, 'no warning: no EBADENGINE, no install script').not.toMatch(
      /npm warn|EBADENGINE/i,
    );
    expect(existsSync(join(app, 'node_modules/.bin/deckhand'))).toBe(true);
    const ls = npm(['ls', '--all'], app);
    expect(ls.status, output(ls)).toBe(0);

    const offline = { npm_config_offline: 'true' };
    const version = npm(['exec', '--', 'deckhand', '--version'], app, offline);
    expect(version.stdout.trim(), output(version)).toBe((JSON.parse(before) as { version: string }).version);
    const init = npm(['exec', '--', 'deckhand', 'init', 'lecture'], app, offline);
    expect(init.status, output(init)).toBe(0);
    expect(init.stderr).toContain('cd lecture && npx deckhand build');
    const site = join(app, 'lecture');
    const build = npm(['exec', '--', 'deckhand', 'build', '-q'], site, offline);
    expect(build.status, output(build)).toBe(0);
    expect(readdirSync(join(site, 'output/example'))).toEqual(expect.arrayContaining(['patient', 'clinician']));
    expect(pdfText(join(site, 'output/example/patient/handout.pdf'))).toContain('Washing your hands');
  });
});
