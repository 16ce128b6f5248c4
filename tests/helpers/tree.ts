import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file, folder and symlink under `dir` with a hash of its content, sorted: two snapshots are
 * equal exactly when nothing was created, removed or changed (temp files included).
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (rel: string) => {
    const abs = join(dir, rel);
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) out[rel] = `link ${readlinkSync(abs)}`;
    else if (st.isDirectory()) {
      if (rel) out[rel + '/'] = 'dir';
      for (const name of readdirSync(abs).sort()) visit(rel ? `${rel}/${name}` : name);
    } else if (st.isFile()) out[rel] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    else out[rel] = 'special'; // a FIFO or socket: reading it could block
  };
  visit('');
  return out;
}

/** Leftover temp files of atomic writes anywhere under `dir`. */
export function tempFiles(dir: string): string[] {
  return Object.keys(snapshot(dir)).filter((p) => /deckhand-tmp/.test(p));
}
