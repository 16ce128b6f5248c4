/**
 * A renderer's file name for one language: a translation's artifacts sit beside the source's with
 * the tag before the extension (`handout.pdf` → `handout.es-US.pdf`, `slides.md` → `slides.es-US.md`).
 * Applied here, for every renderer, so a format added later gets it too. null: the source language.
 */
export function localisedOutput(output: string, lang: string | null): string {
  if (!lang) return output;
  const dot = output.indexOf('.');
  return dot < 0 ? `${output}.${lang}` : `${output.slice(0, dot)}.${lang}${output.slice(dot)}`;
}

/** How messages name one artifact: `<slug>/<audience>/<file>`, a translation's file with its tag. */
export function artifactWhere(
  input: { topic: { slug: string; lang: string; translation?: unknown }; audience: { name: string } },
  file: string,
): string {
  const lang = input.topic.translation ? input.topic.lang : null;
  return `${input.topic.slug}/${input.audience.name}/${localisedOutput(file, lang)}`;
}
