import { loadFonts } from '../fonts/load.js';
import type { Metrics } from '../fonts/metrics.js';

let metrics: Metrics | undefined;

/**
 * The fonts slides are measured with, loaded ahead of planning (planning itself is synchronous). A
 * build that makes decks awaits this once; the handout renderer shares the parsed fonts.
 */
export async function prepareDeckFonts(): Promise<void> {
  metrics ??= (await loadFonts()).metrics;
}

/** The measuring metrics; prepareDeckFonts() must have run. */
export function deckFontMetrics(): Metrics {
  if (!metrics) throw new Error('deck fonts are not loaded: await prepareSlidePlan() before planning slides');
  return metrics;
}
