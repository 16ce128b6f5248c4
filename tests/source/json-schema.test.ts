import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/config-json-schema.js';
import { CONFIG_DOCS } from '../../src/config/schema-docs.js';
import { TOPIC_DOCS } from '../../src/content/schema-docs.js';
import { topicJsonSchema } from '../../src/content/topic-json-schema.js';
import { eachProperty, undocumented, unusedDocs } from '../../src/source/json-schema.js';

const schemas = [
  { name: 'topic', schema: topicJsonSchema(), docs: TOPIC_DOCS, table: 'src/content/schema-docs.ts' },
  {
    name: 'topic (with the project’s audiences)',
    schema: topicJsonSchema([{ name: 'patient', label: 'Patients' }, { name: 'nurse' }]),
    docs: TOPIC_DOCS,
    table: 'src/content/schema-docs.ts',
  },
  { name: 'config', schema: configJsonSchema(), docs: CONFIG_DOCS, table: 'src/config/schema-docs.ts' },
];

describe.each(schemas)('the $name JSON Schema', ({ schema, docs, table }) => {
  // Editors show these on hover and in completion lists: a key without one shows nothing.
  it('has a description on every property', () => {
    const missing = undocumented(schema);
    expect(
      missing,
      `properties without a description: ${missing.join(', ')} — add an entry for each to ${table}`,
    ).toEqual([]);
  });

  it('has no description for a property that no longer exists', () => {
    const stale = unusedDocs(schema, docs);
    expect(stale, `entries in ${table} that name no property: ${stale.join(', ')}`).toEqual([]);
  });

  it('gives examples for most of the keys in its table', () => {
    let all = 0;
    let withExamples = 0;
    eachProperty(schema, (path, p) => {
      if (!(path in docs)) return;
      all++;
      if (Array.isArray(p.examples) && p.examples.length) withExamples++;
    });
    expect(withExamples / all).toBeGreaterThan(0.6);
  });
});

describe('the walk', () => {
  it('names properties through lists, maps and unions', () => {
    const paths: string[] = [];
    eachProperty(
      {
        properties: {
          a: {
            type: 'array',
            items: { properties: { b: { anyOf: [{ type: 'string' }, { properties: { c: {} } }] } } },
          },
          m: { additionalProperties: { properties: { d: {} } } },
        },
      },
      (p) => paths.push(p),
    );
    expect(paths).toEqual(['a', 'a[].b', 'a[].b.c', 'm', 'm.*.d']);
    expect(undocumented({ properties: { x: { description: ' ' }, y: { description: 'ok' } } })).toEqual(['x']);
  });
});
