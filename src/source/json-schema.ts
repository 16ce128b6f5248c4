/**
 * Editor help for the JSON Schemas of topics and the config: a description (and examples) on every
 * property, kept in a table per schema (src/content/schema-docs.ts, src/config/schema-docs.ts) rather
 * than spread over the zod definitions, and a list of the properties that still have none, which a
 * test turns into a failure naming each one.
 */
export type JsonSchema = Record<string, unknown>;

/** What an editor shows when hovering a key or completing it. */
export interface PropertyDoc {
  description: string;
  examples?: unknown[];
  /** Shown instead of `description` by editors that render Markdown (VS Code). */
  markdownDescription?: string;
}

/**
 * Property paths as the docs tables spell them: `sections[].image.src`, `audiences.*.label` (a map's
 * values), `title` at the top level.
 */
export type DocTable = Readonly<Record<string, PropertyDoc>>;

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Visits every property of a schema with its path: the keys of `properties` at any depth, through
 * lists (`[]`), maps (`.*`) and the branches of anyOf/oneOf/allOf (same path).
 */
export function eachProperty(schema: JsonSchema, visit: (path: string, property: JsonSchema) => void, path = ''): void {
  const props = schema.properties;
  if (isSchema(props))
    for (const [key, value] of Object.entries(props)) {
      if (!isSchema(value)) continue;
      const here = path ? `${path}.${key}` : key;
      visit(here, value);
      eachProperty(value, visit, here);
    }
  if (isSchema(schema.items)) eachProperty(schema.items, visit, `${path}[]`);
  if (isSchema(schema.additionalProperties)) eachProperty(schema.additionalProperties, visit, `${path}.*`);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches) if (isSchema(b)) eachProperty(b, visit, path);
  }
}

/** Puts the table's docs on the properties (a description already on the schema is kept). */
export function documentSchema(schema: JsonSchema, docs: DocTable): JsonSchema {
  eachProperty(schema, (path, property) => {
    const doc = docs[path];
    if (!doc) return;
    if (typeof property.description !== 'string') property.description = doc.description;
    if (doc.markdownDescription) property.markdownDescription = doc.markdownDescription;
    if (doc.examples && property.examples === undefined) property.examples = doc.examples;
  });
  return schema;
}

/** The paths of properties without a description. */
export function undocumented(schema: JsonSchema): string[] {
  const missing: string[] = [];
  eachProperty(schema, (path, property) => {
    if (typeof property.description !== 'string' || property.description.trim() === '') missing.push(path);
  });
  return missing;
}

/** Table entries that name no property (a key renamed or removed): stale docs. */
export function unusedDocs(schema: JsonSchema, docs: DocTable): string[] {
  const seen = new Set<string>();
  eachProperty(schema, (path) => seen.add(path));
  return Object.keys(docs).filter((p) => !seen.has(p));
}
