import type { ThemePalette } from '../../themes/palette.js';
import { hexOf, mix } from './look.js';
import { esc, NS, XML_HEAD } from './xml.js';

// ppt/theme/theme1.xml: the deck theme's colours and fonts as an Office theme, so PowerPoint's colour and
// font pickers offer them and "Design" keeps them. Light themes map text/background to dk1/lt1; a dark
// theme stores its (light) text as lt1 and the master's colour map swaps them, as Office's dark themes do.

export function themeXml(p: ThemePalette, font: string, name: string): string {
  const [dark1, light1, dark2, light2] = p.dark
    ? [p.background, p.text, mix(p.background, p.text, 0.25), p.heading]
    : [p.text, p.background, p.heading, mix(p.background, p.text, 0.08)];
  const accents = [p.accent, p.link, p.heading, mix(p.accent, p.text, 0.4), p.muted, mix(p.accent, p.background, 0.5)];
  const srgb = (c: string) => `<a:srgbClr val="${hexOf(c)}"/>`;
  const fontSet = (latin: string) => `<a:latin typeface="${esc(latin)}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return (
    XML_HEAD +
    `<a:theme xmlns:a="${NS.a}" name="${esc(name)}"><a:themeElements>` +
    `<a:clrScheme name="${esc(name)}">` +
    `<a:dk1>${srgb(dark1)}</a:dk1><a:lt1>${srgb(light1)}</a:lt1><a:dk2>${srgb(dark2)}</a:dk2>` +
    `<a:lt2>${srgb(light2)}</a:lt2>` +
    accents.map((c, i) => `<a:accent${i + 1}>${srgb(c)}</a:accent${i + 1}>`).join('') +
    `<a:hlink>${srgb(p.link)}</a:hlink><a:folHlink>${srgb(p.link)}</a:folHlink></a:clrScheme>` +
    `<a:fontScheme name="${esc(name)}"><a:majorFont>${fontSet(font)}</a:majorFont>` +
    `<a:minorFont>${fontSet(font)}</a:minorFont></a:fontScheme>` +
    FORMAT_SCHEME +
    `</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}

/** The colour map of the master: which scheme colours are background and text. */
export const clrMap = (dark: boolean) =>
  dark
    ? '<p:clrMap bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
      'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
    : '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
      'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';

// Office requires three fills, lines, effects and background fills in a format scheme; plain ones.
const FORMAT_SCHEME =
  '<a:fmtScheme name="deckhand">' +
  '<a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/>' +
  '</a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>' +
  '<a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050">' +
  '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="28575"><a:solidFill>' +
  '<a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>' +
  '<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill>' +
  '<a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>' +
  '</a:fmtScheme>';
