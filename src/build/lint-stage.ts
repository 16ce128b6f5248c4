import type { ResolvedConfig } from '../config/types.js';
import type { Topic } from '../content/types.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { lintTopic, type ResolvedForAudience } from '../lint/lint-topic.js';
import type { Unit } from './plan.js';

/** Reading level and plain language of each topic's units, as `deckhand lint` reports them (without the table). */
export function lintUnits(units: readonly Unit[], config: ResolvedConfig, today?: Date): Diagnostic[] {
  const byTopic = new Map<Topic, ResolvedForAudience[]>();
  for (const { topic, audience, resolved, origins } of units)
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { audience, resolved, origins }]);
  return [...byTopic].flatMap(([topic, list]) => lintTopic(topic, list, config, today ? { today } : {}).diagnostics);
}
