import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// The clinic's brand and QR code reach the printouts too: the contact line leads their footer and the
// deck's last slide, the online version's QR code, is drawn in its miniature (not replaced by its alt text).

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe('clinic printouts', () => {
  it('carry the contact line and the QR code of the deck', async () => {
    const dir = project('clinic');
    const r = await runDeckhand(['build', '-a', 'patient', '-f', 'slides-handout', 'content/warfarin.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('is not one of the topic');
    const pdf = join(dir, 'output/warfarin/patient/slides-handout.pdf');
    expect(run('pdftotext', ['-f', '1', '-l', '1', pdf, '-'])).toContain('555-0142 · riverside.example.org');
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
    // The QR code (a 37-module code at 8 px a module, quiet zone included: 296 px) on the last page.
    expect(run('pdfimages', ['-f', `${pages}`, '-l', `${pages}`, '-list', pdf])).toMatch(/image\s+296\s+296/);
  });

  it('slides.pptx places the logo on the title slide and the QR code on the last slide, with alt text', async () => {
    const dir = project('clinic');
    const r = await runDeckhand(['build', '-a', 'patient', '-f', 'pptx', 'content/warfarin.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const zip = unzipSync(readFileSync(join(dir, 'output/warfarin/patient/slides.pptx')));
    const slides = Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const xml = (n: string) => strFromU8(zip[n]!);
    expect(xml('ppt/slides/slide1.xml')).toContain('descr="Riverside Anticoagulation Clinic logo"');
    expect(xml(`ppt/slides/slide${slides.length}.xml`)).toContain(
      'descr="QR code linking to https://riverside.example.org/warfarin"',
    );
  });
});
