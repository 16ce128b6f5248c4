import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { escapeXmp, shareLayoutCaches, xmlEscape } from '../../src/patches/pdfkit-document.js';
import { expectPatchedVersion } from '../helpers/versions.js';

const toBytes = (doc: PDFKit.PDFDocument) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });

describe('patch: pdfkit document', () => {
  it('is written for the installed pdfkit', () => expectPatchedVersion('pdfkit'));

  it('escapes Title and Author in the XMP only; the Info dictionary keeps the text', async () => {
    const doc = new PDFDocument({ pdfVersion: '1.7', info: { Title: 'R&D <Q3> "x"', Author: "O'Brien" } });
    escapeXmp(doc);
    const pdf = (await toBytes(doc)).toString('latin1');
    expect(pdf).toContain('R&amp;D &lt;Q3&gt; &quot;x&quot;');
    expect(pdf).toContain('O&apos;Brien');
    expect(pdf).not.toContain('>R&D <Q3>');
    expect(xmlEscape('a&b')).toBe('a&amp;b');
  });

  it('documents share one layout cache per font', () => {
    const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    const font = {};
    const caches = [0, 1].map(() => {
      const doc = new PDFDocument({ font: path });
      doc.registerFont('regular', path);
      shareLayoutCaches(doc, { regular: font });
      doc.font('regular');
      return (doc as unknown as { _font: { layoutCache: object } })._font.layoutCache;
    });
    expect(caches[0]).toBe(caches[1]);
  });
});
