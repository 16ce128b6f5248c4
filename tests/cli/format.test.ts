import { describe, expect, it } from 'vitest';
import type { ArtifactRecord, BuildResult } from '../../src/build/types.js';
import { formatBytes, formatMs, formatPages, shortPath, totalsLine } from '../../src/cli/format.js';

const artifact = (over: Partial<ArtifactRecord>): ArtifactRecord => ({
  path: 't/patient/slides.md',
  topic: 't',
  audience: 'patient',
  format: 'slides',
  renderer: 'slides-md',
  bytes: 1,
  sha256: '',
  inputs: '',
  date: '',
  written: true,
  status: 'written',
  ...over,
});
const result = (over: Partial<BuildResult>): BuildResult => ({
  ok: true,
  outDir: '/p/output',
  artifacts: [],
  diagnostics: [],
  timings: {},
  removed: [],
  sources: [],
  threads: 1,
  ...over,
});

describe('format', () => {
  it('bytes in B, KiB and MiB', () => {
    expect([0, 1023, 1024, 1536, 1048575, 1048576, 5 * 1048576 + 1].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.0 KiB',
      '1.5 KiB',
      '1024.0 KiB',
      '1.0 MiB',
      '5.0 MiB',
    ]);
  });

  it('milliseconds below a second, seconds above', () => {
    expect([0.4, 999.4, 1000, 12_345].map(formatMs)).toEqual(['0 ms', '999 ms', '1.0 s', '12.3 s']);
  });

  it('slides for a deck, pages for a PDF (a deck’s PDF too), nothing when not counted', () => {
    expect(formatPages(artifact({ pages: 1 }))).toBe('1 slide');
    expect(formatPages(artifact({ pages: 4, path: 't/p/slides.html' }))).toBe('4 slides');
    expect(formatPages(artifact({ pages: 4, format: 'slides-pdf', path: 't/p/slides.pdf' }))).toBe('4 pages');
    expect(formatPages(artifact({ pages: 2, format: 'handout', path: 't/p/handout.pdf' }))).toBe('2 pages');
    expect(formatPages(artifact({}))).toBe('');
  });

  it('shortPath: relative inside the working directory, "." for itself, absolute elsewhere', () => {
    expect(shortPath('/p/output', '/p')).toBe('output');
    expect(shortPath('/p', '/p')).toBe('.');
    expect(shortPath('/q/output', '/p')).toBe('/q/output');
    expect(shortPath('/p/..out', '/p')).toBe('..out');
    expect(shortPath('/p/', '/p')).toBe('.');
  });

  it('the totals line: counts by status, topics, time and where', () => {
    const artifacts = [
      artifact({}),
      artifact({ path: 't/student/slides.md', status: 'unchanged' }),
      artifact({ path: 'u/patient/slides.md', topic: 'u' }),
    ];
    expect(totalsLine(result({ artifacts, timings: { total: 1234 } }), '/p')).toBe(
      'built 3 artifacts (2 written, 1 unchanged) for 2 topics in 1.2 s → output',
    );
    expect(
      totalsLine(result({ artifacts: [artifact({ status: 'current' })], check: { stale: [], missing: [] } }), '/'),
    ).toBe('checked 1 artifact (1 current) for 1 topic → p/output');
    expect(totalsLine(result({}), '/elsewhere')).toBe('built 0 artifacts for 0 topics → /p/output');
  });
});
