import type Handlebars from 'handlebars';

/**
 * Far more than any slides.md or handout Markdown (a 5 MiB topic gives about 10 MiB); nested
 * `{{#each}}` over the same lists can otherwise grow the output until V8 runs out of memory.
 */
export const MAX_TEMPLATE_OUTPUT = 64 * 1024 * 1024;

export class TemplateOutputTooLarge extends Error {
  constructor() {
    super(`the template's output grew beyond ${MAX_TEMPLATE_OUTPUT / 1048576} MiB`);
  }
}

/**
 * Templates never print and never grow without bound:
 * - `{{log}}` and Handlebars' own logger would write to stdout (then --json is no JSON, and the API
 *   prints): both are silenced;
 * - the block helpers count what they return against a budget (`start` resets it for each render),
 *   so runaway nesting stops with an error long before memory runs out. Nested blocks count their
 *   text once per level: the bound is on work done, which is what runs out.
 */
export function boundTemplates(hb: typeof Handlebars): { start(): void } {
  hb.registerHelper('log', () => '');
  (hb as unknown as { log: () => void }).log = () => {};
  const logger = (hb as unknown as { logger?: { log: () => void } }).logger;
  if (logger) logger.log = () => {};
  let left = MAX_TEMPLATE_OUTPUT * 4;
  for (const name of ['each', 'with', 'if', 'unless']) {
    const inner = hb.helpers[name] as (...a: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const out = inner.apply(this, args);
      const size = typeof out === 'string' ? out.length : String(out ?? '').length;
      if ((left -= size) < 0) throw new TemplateOutputTooLarge();
      return out;
    });
  }
  return {
    start: () => {
      left = MAX_TEMPLATE_OUTPUT * 4;
    },
  };
}
