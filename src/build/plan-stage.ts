import { hasErrors } from '../errors/diagnostic.js';
import type { Topic } from '../content/types.js';
import { mathProblems } from '../lint/math.js';
import { lintUnits } from './lint-stage.js';
import { prepareSlidePlan } from '../view/slide-plan.js';
import { planTasks, unitPlanner, type Task, type Unit } from './plan.js';
import type { LoadedRun } from './run.js';

/**
 * Topic by topic: resolve for each audience, run the templates, lint, check the formulas. While the input is clean so
 * far,
 * each topic's tasks go to `ready` at once (workers start rendering them while later topics are
 * planned). Returns every unit planned.
 */
export async function planStage(
  run: LoadedRun,
  topics: readonly Topic[],
  ready?: (tasks: Task[]) => void,
): Promise<Unit[]> {
  const { settings } = run;
  const planner = unitPlanner(settings, run.engine);
  // Decks are planned with the theme font's real metrics: load the fonts once, before the first topic.
  if (settings.renderers.some((r) => r.source === 'slides')) await prepareSlidePlan();
  run.diagnostics.push(...planner.checkTemplates());
  const units: Unit[] = [];
  for (const topic of topics) {
    const planned = planner.plan(topic);
    units.push(...planned.units);
    // A signal is handled between long steps (a 4 MiB paragraph plans for seconds): Ctrl-C stays prompt.
    await yieldToSignals();
    run.diagnostics.push(...planned.diagnostics, ...lintUnits(planned.units, settings.config, settings.date));
    await yieldToSignals();
    run.diagnostics.push(...(await mathProblems(topic))); // loads the math engine only for a topic with math
    topic.source.release(); // positions are asked for while a topic is planned and linted, seldom after
    if (!ready || hasErrors(run.diagnostics)) continue;
    ready(planTasks(planned.units, settings.renderers, run.inputs, settings.date, settings.perAudience));
    await new Promise((resolve) => setImmediate(resolve)); // let workers pick the tasks up
  }
  run.clock.lap('plan+lint');
  return units;
}

const yieldToSignals = () => new Promise((resolve) => setImmediate(resolve));
