import type { Brand } from './types.js';

/** The brand's contact line (phone · website · address), as handout and printout footers start; null without one. */
export function contactLine(b: Pick<Brand, 'phone' | 'website' | 'address'>): string | null {
  return [b.phone, b.website, b.address].filter(Boolean).join(' · ') || null;
}
