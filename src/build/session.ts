import { builtinRenderers } from '../render/registry.js';
import { templateEngines, type TemplateEngine } from '../templates/engine.js';
import type { BuildSettings } from './settings.js';
import { RenderWorker, workerScript } from './threads/worker-pool.js';
import { closeWorkers } from './threads/workers.js';
import type { BuildSession } from './types.js';

/**
 * A build session: worker threads kept warm across builds, so a rebuild pays no start-up and even a
 * single topic's artifacts are shared between this thread and the workers, and the template engine
 * kept while the templates stay as they were. Pass it as `build({ session })`.
 */
export function buildSession(): BuildSession {
  return new Session();
}

/** What a build uses of a session (the public interface hides it). */
export class Session implements BuildSession {
  private pool: RenderWorker[] = [];
  /** The template engine for a templates folder (compiled templates kept while it is unchanged). */
  readonly templates: (templatesDir: string) => TemplateEngine = templateEngines();

  /** Warm workers for a build with the built-in renderers and `jobs` > 1; started on first use. */
  workers(settings: BuildSettings, topics = Infinity): RenderWorker[] {
    const script = settings.builtin && settings.jobs > 1 ? workerScript() : undefined;
    if (!script) return [];
    this.pool = this.pool.filter((w) => w.usable);
    const names = builtinRenderers().map((r) => r.name);
    // No more threads than topics to share (watch -j 64 with one topic needs one worker, not 63).
    const wanted = Math.min(settings.jobs, Math.max(topics, 2)) - 1;
    while (this.pool.length < wanted) this.pool.push(new RenderWorker(script, names));
    return this.pool.slice(0, wanted);
  }

  async prepare(): Promise<void> {
    await Promise.all(builtinRenderers().map((r) => r.prepare?.()));
  }

  async close(): Promise<void> {
    await closeWorkers(this.pool);
    this.pool = [];
  }
}

/** The session a build was given, as the build uses it. */
export function sessionOf(session: BuildSession | undefined): Session | undefined {
  if (session === undefined || session instanceof Session) return session;
  throw new TypeError('build({ session }) takes a session made by buildSession()');
}
