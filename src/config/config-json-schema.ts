import { z } from 'zod';
import { documentSchema, type JsonSchema } from '../source/json-schema.js';
import { ConfigSchema } from './schema.js';
import { CONFIG_DOCS } from './schema-docs.js';

/** The JSON Schema of deckhand.config.yaml, for editors (`deckhand schema --config`, deckhand.config.schema.json). */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  documentSchema(schema, CONFIG_DOCS);
  return {
    ...schema,
    title: 'deckhand configuration',
    description: 'deckhand.config.yaml: every key is optional.',
  };
}
