// Lines ≤ 120 characters in the code (Prettier wraps code at 120 but leaves long strings, comments and
// regular expressions alone): part of `npm test`. Lists every long line, path:line:col, and exits 1.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX = 120;
const ROOTS = ['src', 'tests', 'scripts', 'bench'];
const CODE = /\.(?:ts|mjs|js)$/;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      // Generated output of the tests and fixtures' own files are not code of ours.
      if (e.name !== 'node_modules' && e.name !== 'output') yield* files(path);
    } else if (CODE.test(e.name)) yield path;
  }
}

const long = [];
for (const root of ROOTS)
  for (const path of files(root))
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if ([...line].length > MAX) long.push(`${path}:${i + 1}:${MAX + 1}  ${[...line].length} characters`);
      });
if (long.length) {
  process.stderr.write(`${long.join('\n')}\n${long.length} lines longer than ${MAX} characters\n`);
  process.exit(1);
}
