import { z } from 'zod';
import { documentSchema, eachProperty, type JsonSchema } from '../source/json-schema.js';
import { TopicSchema } from './schema.js';
import { TEXT_VARIANTS, TOPIC_DOCS } from './schema-docs.js';

/** An audience as the schema names it: for completion of variant keys and audience lists. */
export interface SchemaAudience {
  name: string;
  label?: string;
}

/**
 * The JSON Schema of a topic file, for editors (`deckhand schema`, and deckhand.schema.json, which
 * `deckhand init` and `deckhand schema --project` write). With `audiences` (the project's), audience
 * lists and the keys of text variants are enumerated, so an editor completes them and flags a typo.
 */
export function topicJsonSchema(audiences?: readonly SchemaAudience[]): JsonSchema {
  const schema = z.toJSONSchema(TopicSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  documentSchema(schema, TOPIC_DOCS);
  const names = audiences?.map((a) => a.name);
  eachProperty(schema, (path, property) => {
    const key = path.split('.').at(-1)!;
    if (names?.length && (key === 'audience' || key === 'audiences') && isObject(property.items))
      property.items.enum = names;
    for (const branch of Array.isArray(property.anyOf) ? property.anyOf : [])
      if (isTextMap(branch)) describeVariants(branch, audiences);
  });
  return {
    ...schema,
    title: 'deckhand topic',
    description:
      'One topic: content/<slug>.yaml (or .yml, .json). <text> is a string or a map from audience name (or ' +
      '"default") to string.',
  };
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The map branch of `<text>`: string values under any key. */
function isTextMap(v: unknown): v is JsonSchema {
  return (
    isObject(v) &&
    v.type === 'object' &&
    isObject(v.additionalProperties) &&
    v.additionalProperties.type === 'string' &&
    v.properties === undefined
  );
}

function describeVariants(map: JsonSchema, audiences?: readonly SchemaAudience[]): void {
  map.description = TEXT_VARIANTS.map;
  if (!audiences?.length) return;
  map.properties = {
    default: { type: 'string', description: TEXT_VARIANTS.default },
    ...Object.fromEntries(
      audiences.map((a) => [a.name, { type: 'string', description: TEXT_VARIANTS.audience(a.name, a.label) }]),
    ),
  };
  // Only the project's audiences (and default): a misspelt one is flagged as the build would.
  map.additionalProperties = false;
  delete map.propertyNames;
}
