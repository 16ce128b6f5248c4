import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/config/schema.js';
import { builtinRenderers, knownFormats } from '../../src/render/registry.js';

describe('the renderer registry', () => {
  it('the config names exactly the formats the registry has (audiences.<name>.formats is checked against it)', () => {
    expect(knownFormats(builtinRenderers()).sort()).toEqual([...FORMATS].sort());
  });

  it('the printouts are plug-ins with their outputs, cost and libraries declared', () => {
    const byFormat = new Map(builtinRenderers().map((r) => [r.format, r]));
    for (const [format, output] of [
      ['notes', 'notes.pdf'],
      ['slides-handout', 'slides-handout.pdf'],
    ] as const) {
      const r = byFormat.get(format)!;
      expect(r).toMatchObject({ output, source: 'slides', cost: 'heavy', libraries: ['pdfkit', 'fontkit'] });
      expect(typeof r.prepare).toBe('function');
    }
  });
});
