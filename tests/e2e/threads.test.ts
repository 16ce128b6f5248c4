import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckhand, project } from '../helpers/project.js';
import { snapshot } from '../helpers/tree.js';

// Worker threads exist only in the bundled CLI (dist/render-worker.js): these run it as a user would.
describe('pipelined builds', () => {
  it('several topics render in a worker thread too, as the bundled CLI runs them', () => {
    const dir = project('basic');
    const topic = readFileSync(join(dir, 'content/hand-hygiene.yaml'), 'utf8');
    for (let i = 1; i <= 2; i++) writeFileSync(join(dir, `content/topic-${i}.yaml`), topic);
    const threads = (jobs: string) =>
      (JSON.parse(deckhand(['build', '-j', jobs, '--force', '--json'], dir).stdout) as { threads: number }).threads;
    expect(threads('2')).toBe(2);
    expect(threads('1')).toBe(1);
  }, 60_000);

  it('an error in the last topic leaves every output as it was, though workers rendered earlier topics', () => {
    const dir = project('basic');
    const topic = readFileSync(join(dir, 'content/hand-hygiene.yaml'), 'utf8');
    for (let i = 1; i <= 6; i++)
      writeFileSync(join(dir, `content/topic-${i}.yaml`), topic.replace('Hand hygiene', `Hand hygiene ${i}`));
    expect(deckhand(['build', '-j', '2'], dir).code).toBe(0);
    const before = snapshot(join(dir, 'output'));
    for (let i = 1; i <= 6; i++)
      writeFileSync(join(dir, `content/topic-${i}.yaml`), topic.replace('Hand hygiene', `Changed ${i}`));
    writeFileSync(join(dir, 'content/topic-6.yaml'), topic.replace('audience: [clinician]', 'audience: [clinican]'));
    const r = deckhand(['build', '-j', '2', '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/topic-6\.yaml:\d+:\d+ +error +unknown audience "clinican"/);
    expect(snapshot(join(dir, 'output'))).toEqual(before);
    // Fixed, the same build writes everything.
    writeFileSync(join(dir, 'content/topic-6.yaml'), topic.replace('Hand hygiene', 'Changed 6'));
    const fixed = deckhand(['build', '-j', '2', '--json'], dir);
    expect(fixed.code).toBe(0);
    expect((JSON.parse(fixed.stdout) as { artifacts: unknown[] }).artifacts).toHaveLength(7 * 3 * 3);
  }, 60_000);
});
