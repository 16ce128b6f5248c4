import { describe, expect, it } from 'vitest';
import { BUILT_IN } from '../../src/strings/tables.js';
import { langChain, MissingStringError, t } from '../../src/strings/strings.js';

describe('string tables', () => {
  it('every shipped table has exactly the keys of the English one', () => {
    const keys = Object.keys(BUILT_IN.en!).sort();
    for (const [lang, table] of Object.entries(BUILT_IN)) expect(Object.keys(table).sort(), lang).toEqual(keys);
  });

  it('looks a tag up by BCP 47 fallback, case-insensitively, and fills values', () => {
    expect(langChain('es-US')).toEqual(['es-us', 'es']);
    expect(t('pageOf', 'es-US', { page: 1, pages: 2 })).toBe('Página 1 de 2');
    expect(t('mainMessage', 'PT-br')).toBe('A mensagem principal');
  });

  it('config overrides win; a missing string throws, never falls back to English', () => {
    expect(t('continued', 'es', {}, { 'es-us': { continued: '(sigue)' } })).toBe('(continuación)');
    expect(t('continued', 'es-US', {}, { 'es-us': { continued: '(sigue)' } })).toBe('(sigue)');
    expect(() => t('mainMessage', 'nl')).toThrow(MissingStringError);
  });
});
