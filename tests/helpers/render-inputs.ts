import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/index.js';
import type { RenderInput, Renderer } from '../../src/render/types.js';
import { project, REPO } from './project.js';

/**
 * What the build hands a `slides` renderer, for every topic × audience of a project (a fixture name, or
 * 'sample' for the repository's own content): the real inputs, captured in-process by a plug-in renderer.
 */
export async function renderInputs(name: string, source: 'slides' | 'handout' = 'slides'): Promise<RenderInput[]> {
  const cwd = name === 'sample' ? REPO : project(name);
  const inputs: RenderInput[] = [];
  const capture: Renderer = {
    name: 'capture',
    format: 'capture',
    source,
    output: 'capture.txt',
    render: async (input) => {
      inputs.push(input);
      return { bytes: new Uint8Array() };
    },
  };
  const out = mkdtempSync(join(tmpdir(), 'deckhand-inputs-'));
  const result = await build({ cwd, out, formats: ['capture'], renderers: [capture] });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return inputs.sort((a, b) =>
    `${a.topic.slug}/${a.audience.name}`.localeCompare(`${b.topic.slug}/${b.audience.name}`),
  );
}
