import { describe, expect, it } from 'vitest';
import { count, sentences } from '../../src/lint/count.js';
import { scoreUnit } from '../../src/lint/checks.js';
import { spanishSyllables } from '../../src/lint/spanish-syllables.js';
import { fernandezHuerta, inflesz, sol, szigrisztPazos } from '../../src/lint/spanish.js';

// Hand-checked against the RAE's rules (diphthong, triphthong, hiatus; silent h and u).
const WORDS: Record<string, number> = {
  día: 2,
  oído: 3,
  océano: 4,
  país: 2,
  poeta: 3,
  aorta: 3,
  leer: 2,
  creer: 2,
  reír: 2,
  baúl: 2,
  búho: 2,
  ahí: 2,
  guía: 2,
  chiita: 3,
  diario: 2,
  viento: 2,
  pie: 1,
  doy: 1,
  guion: 1,
  aunar: 2,
  acuario: 3,
  reunir: 2,
  sueño: 2,
  antiguo: 3,
  triunfo: 2,
  incluido: 3,
  diurno: 2,
  huir: 1,
  viuda: 2,
  ruido: 2,
  buey: 1,
  Uruguay: 3,
  averiguáis: 4,
  confiáis: 2,
  actuáis: 2,
  pingüino: 3,
  prohibir: 2,
  ahumado: 3,
  construcción: 3,
  transatlántico: 5,
  diabetes: 3,
  cabeza: 3,
  cuando: 2,
  que: 1,
  quien: 1,
  guitarra: 3,
  muy: 1,
  hoy: 1,
  y: 1,
  ayuda: 3,
  reyes: 2,
  médico: 3,
  enfermedad: 4,
  tratamiento: 4,
  inmunitario: 5,
  autoinmune: 4,
  células: 3,
  madre: 2,
  hospital: 3,
  fiebre: 2,
  médula: 3,
  ósea: 3,
  quimioterapia: 5,
};

describe('Spanish syllables', () => {
  it('counts a hand-checked list of words', () => {
    const wrong = Object.entries(WORDS).filter(([w, n]) => spanishSyllables(w) !== n);
    expect(wrong.map(([w, n]) => `${w}: ${spanishSyllables(w)} ≠ ${n}`)).toEqual([]);
  });
});

describe('Spanish formulas on hand-counted passages', () => {
  // "Su cuerpo se calienta. Llame a su médico si la fiebre dura más de tres días."
  // Su(1) cuer-po(2) se(1) ca-lien-ta(3) = 7 syllables, 4 words;
  // Lla-me(2) a(1) su(1) mé-di-co(3) si(1) la(1) fie-bre(2) du-ra(2) más(1) de(1) tres(1) dí-as(2) = 18, 12 words.
  // Total: 2 sentences, 16 words, 25 syllables, 2 words of 3+ syllables (calienta, médico).
  const passage = 'Su cuerpo se calienta. Llame a su médico si la fiebre dura más de tres días.';
  const list = sentences(passage);

  it('counts sentences, words, syllables and polysyllables', () => {
    const s = scoreUnit('x', 'x', list, 8, 'es-US');
    expect(s.counts).toEqual({ sentences: 2, words: 16, syllables: 25, polysyllables: 2 });
  });

  it('Fernández-Huerta (corrected), Szigriszt-Pazos/INFLESZ and SOL by their formulas', () => {
    const c = { sentences: 2, words: 16, syllables: 25, polysyllables: 2 };
    // 206.84 − 60 × 25/16 − 1.02 × 16/2 = 206.84 − 93.75 − 8.16
    expect(fernandezHuerta(c)).toBeCloseTo(104.93, 2);
    // 206.835 − 62.3 × 25/16 − 16/2 = 206.835 − 97.34375 − 8
    expect(szigrisztPazos(c)).toBeCloseTo(101.49, 2);
    // SMOG_es = 1.043 √(2 × 30 / 2) + 3.1291 = 8.8418; SOL = −2.51 + 0.74 × 8.8418
    expect(sol(c)).toBeCloseTo(4.033, 2);
    expect(inflesz(101.49)).toBe('muy fácil');
    expect([inflesz(39), inflesz(50), inflesz(60), inflesz(70)]).toEqual([
      'muy difícil',
      'algo difícil',
      'normal',
      'bastante fácil',
    ]);
    const s = scoreUnit('x', 'x', list, 8, 'es-US');
    expect(s.scores.formula).toBe('es');
    expect(s.scores.smog).toBeCloseTo(4.033, 2);
  });

  it('a harder passage: longer sentences, longer words', () => {
    const hard =
      'La quimioterapia inmunoablativa seguida de trasplante autólogo de progenitores hematopoyéticos se considera ' +
      'experimental.';
    const s = scoreUnit('x', 'x', sentences(hard), 8, 'es');
    // qui-mio-te-ra-pia(5) in-mu-no-a-bla-ti-va(7) se-gui-da(3) tras-plan-te(3) au-tó-lo-go(4)
    // pro-ge-ni-to-res(5) he-ma-to-po-yé-ti-cos(7) con-si-de-ra(4) ex-pe-ri-men-tal(5) + la de de se = 47
    expect(s.counts).toEqual({ sentences: 1, words: 13, syllables: 47, polysyllables: 9 });
    expect(s.scores.fre!).toBeLessThan(40);
    expect(s.scores.band).toBe('muy difícil');
  });

  it('another language gets no formula, never the English ones', () => {
    const s = scoreUnit('x', 'x', sentences('Das ist ein kurzer Satz.'), 8, 'de');
    expect(s.scores).toMatchObject({ smog: null, fk: null, fre: null, formula: 'none' });
    expect(s.status).toBe('no-formula');
    expect(count(sentences('Das ist ein kurzer Satz.')).words).toBe(5);
  });
});
