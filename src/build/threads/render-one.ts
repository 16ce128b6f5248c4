import { RenderError, type RenderInput, type RenderOutput, type Renderer } from '../../render/types.js';

/** A render's result as plain data (it crosses from worker threads): output, or a user-actionable failure. */
export type RenderOutcome = { ok: true; output: RenderOutput } | { ok: false; message: string; hint?: string };

/** Runs one renderer. `RenderError` becomes an outcome; anything else is a bug and propagates. */
export async function renderSafely(renderer: Renderer, input: RenderInput): Promise<RenderOutcome> {
  try {
    return { ok: true, output: await renderer.render(input) };
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    return { ok: false, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
  }
}
