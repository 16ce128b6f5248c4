import { extname, relative, resolve } from 'node:path';
import { confine } from '../source/confine.js';
import { describeProblem, readRegularFile } from '../source/regular-file.js';
import type { SourceDoc } from '../source/yaml-source.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import { BUILT_IN_FAMILIES, TEXT_ROLES } from '../fonts/files.js';
import type { UserConfig } from './schema.js';

const MAX_FONT_BYTES = 50 * 1024 * 1024;
const BUILT_IN_HINT =
  `built-in families: ${BUILT_IN_FAMILIES.join(', ')}; or your own files, e.g. ` +
  '{name: Clinic Sans, regular: fonts/ClinicSans-Regular.ttf, bold: fonts/ClinicSans-Bold.ttf}';

// What a font file starts with: TrueType (0x00010000 or "true"), OpenType with CFF outlines ("OTTO").
const SFNT = [Buffer.from([0, 1, 0, 0]), Buffer.from('true'), Buffer.from('OTTO')];
const OTHER: Record<string, string> = {
  wOFF: 'a WOFF web font',
  wOF2: 'a WOFF2 web font',
  ttcf: 'a font collection (.ttc)',
};

/**
 * Checks `handout.fonts` and `audiences.<name>.fonts` (the schema checked their shape): a name must be a
 * built-in family, a file a TrueType or OpenType font inside the project that fontkit can read. Every
 * problem is positioned at the setting; the build never meets a font it cannot draw with.
 */
export async function checkFonts(user: UserConfig, root: string, source: SourceDoc): Promise<Diagnostic[]> {
  const lists: { path: (string | number)[]; list: NonNullable<NonNullable<UserConfig['handout']>['fonts']> }[] = [];
  if (user.handout?.fonts) lists.push({ path: ['handout', 'fonts'], list: user.handout.fonts });
  for (const [name, a] of Object.entries(user.audiences ?? {}))
    if (a?.fonts) lists.push({ path: ['audiences', name, 'fonts'], list: a.fonts });
  const diagnostics: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({ file: source.file, ...source.locate(path) });
  for (const { path, list } of lists) {
    for (const [i, choice] of list.entries()) {
      if (typeof choice === 'string') {
        if (!BUILT_IN_FAMILIES.includes(choice))
          diagnostics.push(
            error(Codes.config, `unknown font family "${choice}"${didYouMean(choice, BUILT_IN_FAMILIES)}`, {
              ...at([...path, i]),
              hint: BUILT_IN_HINT,
            }),
          );
        continue;
      }
      if (BUILT_IN_FAMILIES.includes(choice.name))
        diagnostics.push(
          error(Codes.config, `"${choice.name}" is the name of a built-in family`, {
            ...at([...path, i, 'name']),
            hint: `give your own files another family name, or write the built-in as "${choice.name}" alone`,
          }),
        );
      for (const role of TEXT_ROLES) {
        const file = choice[role];
        if (file === undefined) continue;
        const problem = await fontFileProblem(root, file);
        if (problem)
          diagnostics.push(error(Codes.config, problem.message, { ...at([...path, i, role]), hint: problem.hint }));
      }
    }
  }
  return diagnostics;
}

async function fontFileProblem(root: string, file: string): Promise<{ message: string; hint: string } | null> {
  const abs = resolve(root, file);
  const shown = relative(root, abs) || file;
  const place = confine(root, abs);
  if (place.where === 'inside') return checkFontBytes(place.real, shown);
  if (place.where === 'outside')
    return { message: `font file "${file}" is not inside the project`, hint: 'copy the font into the project folder' };
  return { message: `font file "${shown}" not found`, hint: 'font paths are relative to the config file' };
}

async function checkFontBytes(real: string, shown: string): Promise<{ message: string; hint: string } | null> {
  if (!/^\.(ttf|otf)$/i.test(extname(real)))
    return { message: `font file "${shown}" is not a .ttf or .otf file`, hint: 'use the TrueType or OpenType file' };
  const read = readRegularFile(real, MAX_FONT_BYTES);
  if ('problem' in read)
    return {
      message:
        read.problem === 'too-large'
          ? `font file "${shown}" is larger than 50 MiB`
          : `font file "${shown}" cannot be read (${describeProblem(read.problem)})`,
      hint: 'use the TrueType or OpenType file of one face',
    };
  const head = read.bytes.subarray(0, 4);
  const other = OTHER[head.toString('latin1')];
  if (!SFNT.some((m) => m.equals(head)))
    return {
      message: `font file "${shown}" is ${other ?? 'not a TrueType or OpenType font'}`,
      hint: 'use the TrueType (.ttf) or OpenType (.otf) file of one face',
    };
  try {
    const fontkit = await import('fontkit');
    // A font of another script only (no Latin letters) is fine: the chain sets each character by coverage.
    fontkit.create(read.bytes).hasGlyphForCodePoint(0x61);
  } catch {
    // fontkit's own message names its internals ("reading 'tables'"), which tells a user nothing.
    return {
      message: `font file "${shown}" is damaged or cut off: it cannot be read as a font`,
      hint: 'download the font again, or export it again from the font editor',
    };
  }
  return null;
}
