import { existsSync } from 'node:fs';
import { confine } from '../source/confine.js';
import type { SourceDoc } from '../source/yaml-source.js';
import { Codes } from '../errors/codes.js';
import { error, warning, type Diagnostic } from '../errors/diagnostic.js';
import type { ResolvedConfig } from './types.js';

/**
 * The configured templates folder: inside the project (templates are code a build runs; a config
 * must not pull them from ~ or /etc — and the message never says whether such a folder exists),
 * and, when the config names one, there: a misspelt folder would silently build with the
 * built-in templates.
 */
export function checkTemplatesFolder(config: ResolvedConfig, source: SourceDoc, named: boolean): Diagnostic[] {
  const at = { file: config.file ?? source.file, ...source.locate(['templates']) };
  const place = confine(config.root, config.templates);
  if (place.where === 'outside')
    return [
      error(Codes.config, 'the templates folder is not inside the project', {
        ...at,
        hint: 'copy the templates into the project, e.g. ./templates',
      }),
    ];
  if (named && !existsSync(config.templates))
    return [
      warning(Codes.config, 'the templates folder does not exist: the built-in templates are used', {
        ...at,
        hint: 'create it (deckhand init writes one) or fix the path',
      }),
    ];
  return [];
}
