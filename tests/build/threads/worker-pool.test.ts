import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputsHasher } from '../../../src/build/inputs.js';
import { loadTopics } from '../../../src/content/load-topics.js';
import { planTasks, planUnits } from '../../../src/build/plan.js';
import { renderInput } from '../../../src/build/threads/queue.js';
import { renderSafely } from '../../../src/build/threads/render-one.js';
import { prepareBuild } from '../../../src/build/settings.js';
import { prepareSlidePlan } from '../../../src/view/slide-plan.js';
import { RenderWorker } from '../../../src/build/threads/worker-pool.js';
import { VERSION } from '../../../src/paths.js';
import { createTemplateEngine } from '../../../src/templates/engine.js';
import { project, REPO } from '../../helpers/project.js';

describe('render worker threads', () => {
  it('render every built-in format byte for byte as this thread does', async () => {
    const cwd = project('release');
    const { settings } = await prepareBuild({
      cwd,
      env: { SOURCE_DATE_EPOCH: '1767225600' },
      formats: ['slides', 'handout'],
      audiences: ['patient'],
    });
    const loaded = await loadTopics([join(cwd, 'content/blood-pressure.yaml')], settings!.config);
    await prepareSlidePlan(); // as the plan stage does before any deck is planned
    const { units } = planUnits(loaded.topics, settings!, createTemplateEngine(settings!.config.templates));
    const tasks = planTasks(units, settings!.renderers, inputsHasher(settings!.config, VERSION), settings!.date);
    expect(tasks.map((t) => t.renderer.name)).toEqual(['slides-md', 'slides-html', 'handout-pdf']);

    const worker = new RenderWorker(
      pathToFileURL(join(REPO, 'dist/render-worker.js')),
      tasks.map((t) => t.renderer.name),
    );
    try {
      await worker.ready;
      for (const task of tasks) {
        const here = await renderSafely(task.renderer, renderInput(task, settings!));
        const there = await worker.render(task.renderer.name, renderInput(task, settings!));
        expect(there.ok && here.ok).toBe(true);
        if (!there.ok || !here.ok) continue;
        expect(Buffer.from(there.output.bytes).equals(Buffer.from(here.output.bytes)), task.path).toBe(true);
        expect(there.output.pages).toBe(here.output.pages);
      }
    } finally {
      await worker.close();
    }
  }, 60_000);
});
