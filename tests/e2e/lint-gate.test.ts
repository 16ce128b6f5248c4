import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckhand, project } from '../helpers/project.js';

// A clinic's real warfarin sheet (tests/fixtures/warfarin-sheet: patients at reading grade 6, a phone
// number, an e-mail and a web address, "5 mg", "6 pm", "every 1 to 4 weeks") gated as CI gates it: the
// built CLI, spawned, `deckhand lint --strict`. Readability stays on; the allow lists make it pass.

const withoutAllowLists = (dir: string) => {
  for (const file of ['deckhand.config.yaml', 'content/warfarin.yaml']) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^lint:[\s\S]*$/m, ''));
  }
};

describe('deckhand lint --strict as a clinic gate', () => {
  it('passes on the warfarin sheet, readability checked against grade 6 in every section', () => {
    const dir = project('warfarin-sheet');
    const r = deckhand(['lint', '--strict', '--json'], dir);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([]);
    const [patient] = json.reports;
    expect(patient).toMatchObject({ audience: 'patient', lang: 'en-US', target: 6 });
    for (const unit of [...patient.sections, patient.total]) {
      expect(unit.status, unit.id).toBe('ok');
      expect(unit.scores.smog, unit.id).toBeLessThanOrEqual(6);
    }
    // Phone, e-mail, web address, doses and times are no words: the contact section is two short sentences.
    const contact = patient.sections.find((s: { id: string }) => s.id === 'contact');
    expect(contact.counts).toMatchObject({ sentences: 2, words: 15, polysyllables: 0 });
    const text = deckhand(['lint', '--strict'], dir);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('lint: 1 handout checked, no problems');
  });

  it('fails without the allow lists: the same words are hard and uncommon for grade 6', () => {
    const dir = project('warfarin-sheet');
    withoutAllowLists(dir);
    const r = deckhand(['lint', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error {2}uncommon words for patient in "Other medicines and food": pharmacist, aspirin/);
    expect(r.stderr).toMatch(/error {2}uncommon words for patient in "Your blood test": appointment/);
    expect(r.stderr).toMatch(/error {2}uncommon words for patient in "Call 911 if": emergency/);
    expect(r.stderr).toMatch(/"Other medicines and food" reads at SMOG \d+\.\d .* above reading grade 6/);
    // Without --strict, the same findings are warnings: exit 0.
    expect(deckhand(['lint'], dir).code).toBe(0);
  });
});
