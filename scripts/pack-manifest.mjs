// The package.json that goes into the tarball differs from the repository's in one way: no `prepare`
// script (nor the pack hooks). In the repository `prepare` builds dist/ after `npm install` and for
// installs from a git URL; in a tarball dist/ is already built, scripts/ is not shipped, and npm would
// warn about (or try to run) a script that cannot work there.
//
//   node scripts/pack-manifest.mjs strip     (prepack: after the build)
//   node scripts/pack-manifest.mjs restore   (postpack: the repository's package.json comes back)
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const FILE = 'package.json';
const BACKUP = '.package.json.before-pack';
const DROPPED = ['prepare', 'prepack', 'postpack'];

const mode = process.argv[2];
if (mode === 'strip') {
  // A pack that was interrupted left its stripped copy in place: start again from the original.
  if (existsSync(BACKUP)) renameSync(BACKUP, FILE);
  const text = readFileSync(FILE, 'utf8');
  writeFileSync(BACKUP, text);
  const manifest = JSON.parse(text);
  for (const name of DROPPED) delete manifest.scripts?.[name];
  writeFileSync(FILE, JSON.stringify(manifest, null, 2) + '\n');
} else if (mode === 'restore') {
  if (existsSync(BACKUP)) renameSync(BACKUP, FILE);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
