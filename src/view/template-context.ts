import { posix, relative, sep } from 'node:path';
import type { Audience, ResolvedConfig } from '../config/types.js';
import type { ImageAsset, ResolvedTopic, Topic } from '../content/types.js';
import type { TemplateKind } from '../templates/lookup.js';
import { applyGlossary } from './glossary.js';
import { slideContext } from './slide-plan.js';
import { qrDataUri } from './qr-image.js';
import { localFurniture, stringsFor, type LocalFurniture } from './furniture.js';
import { KIND_LABEL_KEYS, label } from '../strings/label.js';
import { contactLine } from '../config/brand.js';

export interface BuildInfo {
  /** YYYY-MM-DD of the build date. */
  date: string;
  version: string;
}

/**
 * What a template sees: the resolved topic under the content format's own names, restricted to the
 * sections meant for this kind, plus `audience`, `build` and the output `options`. Plain JSON data.
 * The audience's glossary mode is applied here (inline definitions in the handout; see glossary.ts).
 * Slides also get `sections[].parts`, `glossaryParts` and `referenceParts` (see slide-parts.ts).
 */
export function templateContext(
  resolved: ResolvedTopic,
  kind: TemplateKind,
  audience: Audience,
  config: ResolvedConfig,
  build: BuildInfo,
  urls: ReadonlyMap<string, string>,
  furniture: LocalFurniture = defaultFurniture(audience, resolved.lang, config),
) {
  const topic = applyGlossary(resolved, kind, audience.glossary);
  const sections = topic.sections
    .filter((s) => (kind === 'slides' ? s.slides : s.handout))
    .map((s) => ({
      ...s,
      // Speaker notes belong to the deck only: a handout template cannot print them, whatever it says.
      notes: kind === 'handout' ? null : s.notes,
      image: s.image ? { ...s.image, src: urls.get(s.image.src) ?? s.image.src } : null,
      kind: s.kind ?? null,
      // The label a warning, call or tip box shows (from the string table); null for other sections.
      kindLabel:
        s.kind && s.kind in KIND_LABEL_KEYS
          ? label(KIND_LABEL_KEYS[s.kind as keyof typeof KIND_LABEL_KEYS], topic.lang)
          : null,
      url: s.url ?? null,
    }));
  const theme = audience.slides.theme;
  return {
    ...topic,
    // Templates see a translation's metadata (`{{#if translation}}…{{translation.translator}}`); null for a source.
    translation: topic.translation ?? null,
    sections,
    // Decks get slide-safe bodies and each section's slides (continued when too long for one).
    ...(kind === 'slides'
      ? slideContext(topic, sections, audience.slides, config.themes.find((t) => t.name === theme)?.css)
      : {}),
    audience: {
      name: audience.name,
      label: furniture.label,
      fontSize: audience.fontSize,
      readingGrade: audience.readingGrade ?? null,
      theme: audience.theme ?? null,
      glossary: audience.glossary,
    },
    build,
    // The clinic's brand for this audience; `logo` is the image URL the Markdown uses (like section images).
    brand: brandContext(audience, topic.lang, urls),
    meta: resolved.meta ?? {},
    // The deck's last slide shows a QR code to the online version (a PNG data: URI) with its alt text.
    qr:
      kind === 'slides' && topic.url
        ? { src: qrDataUri(topic.url), alt: label('qrAlt', topic.lang, { url: topic.url }) }
        : null,
    // The `t` helper reads these: every printed word of the built-in templates comes from here.
    strings: furniture.strings,
    // `deckhand print` fills in one record of personal data (see src/print/visit-context.ts); a build has none.
    visit: null,
    options: {
      slides: audience.slides,
      handout: { pageSize: audience.handout.pageSize, footer: furniture.footer, hyphenate: audience.hyphenate },
    },
  };
}

/**
 * Image URLs as the Markdown refers to them: relative to the artifact's folder, so `slides.md`
 * opens with its images in Marp's tools and no absolute path ends up in an output.
 */
export function imageUrls(
  source: Topic,
  artifactDir: string,
): { urls: Map<string, string>; byUrl: Map<string, ImageAsset> } {
  const urls = new Map<string, string>();
  const byUrl = new Map<string, ImageAsset>();
  for (const [src, image] of source.images) {
    const url = relative(artifactDir, image.path).split(sep).join(posix.sep);
    urls.set(src, url);
    // Brand logos are found by their absolute path (the config resolved it).
    urls.set(image.path, url);
    byUrl.set(url, image);
  }
  return { urls, byUrl };
}

/** The furniture when the caller has not checked it (tests, tools): the config-language texts stand in for missing
 * ones. */
function defaultFurniture(audience: Audience, lang: string, config: ResolvedConfig): LocalFurniture {
  return (
    localFurniture(audience, lang, config, config.file ?? '').furniture ?? {
      lang,
      strings: stringsFor(lang, config),
      label: audience.label,
      footer: audience.handout.footer,
    }
  );
}

/** `brand` as templates see it: every key present (null when not set), the logo as its image URL. */
function brandContext(audience: Audience, lang: string, urls: ReadonlyMap<string, string>) {
  const b = audience.brand ?? {};
  return {
    name: b.name ?? null,
    logo: b.logo ? (urls.get(b.logo) ?? null) : null,
    logoAlt: b.logoAlt ?? (b.name ? label('logoAlt', lang, { name: b.name }) : null),
    phone: b.phone ?? null,
    website: b.website ?? null,
    address: b.address ?? null,
    color: b.color ?? null,
    /** Phone · website · address: the handout footer's contact line. */
    contact: contactLine(b),
  };
}
