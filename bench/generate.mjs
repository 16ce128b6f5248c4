// Synthetic projects of realistic size, made from the sample topic: each topic has the sample's
// sections twice over (≈ 15 slides and a multi-page handout per audience), under unique ids and titles.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const SAMPLE = new URL('../content/stem-cells-autoimmune.yaml', import.meta.url);

export function generateProject(dir, topics) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  // The sample's images (its diagram) come along.
  cpSync(new URL('../content/img', import.meta.url), join(dir, 'content/img'), { recursive: true });
  const sample = parse(readFileSync(SAMPLE, 'utf8'));
  for (let t = 0; t < topics; t++) {
    const sections = [];
    for (const copy of [1, 2]) {
      for (const s of sample.sections) {
        sections.push({ ...s, id: `${s.id ?? 'section'}-${copy}`, title: suffix(s.title, ` (part ${copy})`) });
      }
    }
    const topic = { ...sample, title: suffix(sample.title, ` (topic ${t + 1})`), sections };
    // Written out in full, as an author would: no anchors and aliases for the repeated sections.
    writeFileSync(
      join(dir, 'content', `topic-${String(t + 1).padStart(3, '0')}.yaml`),
      stringify(topic, { aliasDuplicateObjects: false }),
    );
  }
  return dir;
}

function suffix(text, s) {
  if (typeof text === 'string') return text + s;
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v + s]));
}
