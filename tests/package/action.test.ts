import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { project, REPO } from '../helpers/project.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;

/**
 * Runs the action's shell steps as the runner would: `${{ … }}` filled in from the inputs (defaults
 * for the rest), the action's own folder being this repository, step outputs passed through
 * GITHUB_OUTPUT files. setup-node is the runner's business and is skipped.
 */
function runAction(workspace: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const outputs: Record<string, Record<string, string>> = {};
  let stdout = '';
  let stderr = '';
  const fill = (s: string) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
      const [scope, ...rest] = expr.split('.');
      if (scope === 'inputs') return inputs[rest.join('.')] ?? '';
      if (expr === 'github.action_path') return REPO;
      if (scope === 'steps') return outputs[rest[0]!]?.[rest[2]!] ?? '';
      throw new Error(`unknown expression ${expr}`);
    });
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const out = join(workspace, `.github-output-${step.id}`);
    writeFileSync(out, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v)]));
    const r = spawnSync('bash', ['-e', '-c', step.run], {
      cwd: join(workspace, fill(step['working-directory'] ?? '.')),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_OUTPUT: out, GITHUB_WORKSPACE: workspace, ...env },
      timeout: 120_000,
    });
    stdout += r.stdout;
    stderr += r.stderr;
    outputs[step.id ?? ''] = Object.fromEntries(
      readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    if (r.status !== 0) return { code: r.status, stdout, stderr };
  }
  return { code: 0, stdout, stderr };
}

describe('action.yml', () => {
  it('is a composite action: setup-node, install, then deckhand build with the inputs of the contract', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]!.uses).toMatch(/^actions\/setup-node@v\d/);
    for (const name of ['paths', 'formats', 'audiences', 'check', 'shard'])
      expect(action.inputs[name]?.description, name).toMatch(/\w{4}.{10,}/);
    expect(action.runs.steps.at(-1)!.run).toContain('--reporter github');
  });

  // Each case runs the steps as processes (several builds): generous timeouts for a busy machine.
  it('builds the paths, formats and audiences given, dated from the input', { timeout: 120_000 }, () => {
    const ws = project('release');
    const r = runAction(ws, {
      paths: 'content/sleep.yaml\ncontent/asthma.yaml',
      formats: 'handout',
      audiences: 'clinician,student',
      'source-date-epoch': '1767225600',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(ws, 'output/sleep/clinician/handout.pdf'))).toBe(true);
    expect(existsSync(join(ws, 'output/asthma/student/handout.pdf'))).toBe(true);
    expect(existsSync(join(ws, 'output/sleep/clinician/slides.html'))).toBe(false);
    expect(existsSync(join(ws, 'output/vaccines'))).toBe(false);
    expect(existsSync(join(ws, 'output/sleep/patient'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(ws, 'output/manifest.json'), 'utf8')) as { buildDate: string };
    expect(manifest.buildDate).toBe('2026-01-01T00:00:00.000Z');
  });

  it(
    'check: true fails on a stale output with an annotation; a shard builds its part; errors are annotations',
    { timeout: 240_000 },
    () => {
      const ws = project('release');
      expect(runAction(ws, { audiences: 'clinician', formats: 'slides', 'source-date-epoch': '1767225600' }).code).toBe(
        0,
      );
      writeFileSync(join(ws, 'output/sleep/clinician/slides.md'), 'edited\n');
      const check = runAction(ws, { audiences: 'clinician', formats: 'slides', check: 'true' });
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/^::error title=deckhand build --check::1 of \d+ artifacts out of date/m);
      expect(check.stderr).toMatch(/^stale +sleep\/clinician\/slides\.md$/m);
      expect(runAction(ws, { check: 'maybe' }).code).toBe(2);

      const sharded = project('release');
      expect(runAction(sharded, { shard: '1/5', audiences: 'clinician', formats: 'slides' }).code).toBe(0);
      const built = JSON.parse(readFileSync(join(sharded, 'output/manifest.json'), 'utf8')) as {
        artifacts: { topic: string }[];
      };
      expect(new Set(built.artifacts.map((a) => a.topic)).size).toBe(1);

      writeFileSync(
        join(ws, 'content/sleep.yaml'),
        'title: Sleep\nsections:\n  - title: Why\n    audience: [clinican]\n',
      );
      const bad = runAction(ws, { audiences: 'clinician' });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(
        new RegExp(
          String.raw`^::error file=content\/sleep\.yaml,line=4,col=16,title=d` +
            String.raw`eckhand DH_UNKNOWN_AUDIENCE::unknown audience "clinican"`,
          'm',
        ),
      );
    },
  );

  it('is what docs/ci.md shows', () => {
    const doc = readFileSync(join(REPO, 'docs/ci.md'), 'utf8');
    expect(doc).toMatch(/uses: [\w-]+\/deckhand@/);
    for (const name of ['paths', 'formats', 'audiences', 'check', 'shard']) expect(doc).toContain(`${name}:`);
  });
});
