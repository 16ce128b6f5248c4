import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { project } from '../helpers/project.js';

describe('loadConfig', () => {
  it('uses the defaults without a config file', async () => {
    const { config } = await loadConfig({ cwd: project() });
    expect(config!.audiences.map((a) => [a.name, a.fontSize, a.readingGrade, a.glossary])).toEqual([
      ['patient', 13, 8, 'inline'],
      ['student', 11, 12, 'list'],
      ['clinician', 11, undefined, 'list'],
    ]);
    expect(config!.handout.pageSize).toBe('LETTER');
  });
  it('replaces the audience set and merges other sections', async () => {
    const cwd = project(undefined, {
      'deckhand.config.yaml': 'audiences:\n  lay: {label: Lay readers}\nslides: {theme: gaia}\n',
    });
    const { config } = await loadConfig({ cwd });
    expect(config!.audiences.map((a) => a.name)).toEqual(['lay']);
    expect(config!.slides).toEqual({ theme: 'gaia', size: '16:9', paginate: true });
  });
  it('reports config errors with positions and suggestions', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': 'slides:\n  thme: gaia\nhandout: {pageSize: A5}\n' });
    const { config, diagnostics } = await loadConfig({ cwd });
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['DH_UNKNOWN_KEY', 2, 3],
      ['DH_CONFIG', 3, 21],
    ]);
    expect(diagnostics[0]!.message).toContain('did you mean "theme"');
    expect(diagnostics[1]!.message).toContain('"LETTER", "A4"');
  });
  it('an explicit config that does not exist is an error', async () => {
    const { diagnostics } = await loadConfig({ cwd: project(), config: 'nope.yaml' });
    expect(diagnostics[0]!.code).toBe('DH_CONFIG');
  });
});
