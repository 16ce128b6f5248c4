import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/content/svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const check = (svg: string) => sanitizeSvg(new TextEncoder().encode(svg));
const problem = (svg: string) => {
  const r = check(svg);
  return 'problem' in r ? r.problem : null;
};

describe('SVG images: sanitised against an allowlist, written out again from the parsed tree', () => {
  it('keeps what draws, drops comments, metadata and editor data, and gives the size in CSS pixels', () => {
    const r = check(
      `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ` +
        `"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n` +
        `<svg ${NS} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="2in" height="1in">` +
        `<!-- a comment --><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>` +
        `<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>` +
        `<rect inkscape:label="box" width="10" height="10" fill="url(#g)" style="stroke: url('#g')"/>` +
        `<use xlink:href="#g"/><text x="1" y="2">Aα &amp; b</text>` +
        `<image href="data:image/png;base64,iVBORw0KGgo="/></svg>`,
    );
    expect(r).toMatchObject({ width: 192, height: 96 });
    if (!('svg' in r)) return;
    expect(r.svg).not.toMatch(/comment|metadata|rdf|inkscape|DOCTYPE|<\?xml/);
    expect(r.svg).toContain('<rect width="10" height="10" fill="url(#g)" style="stroke: url(\'#g\')"/>');
    expect(r.svg).toContain('viewBox="0 0 192 96"');
    expect(r.svg).toContain('Aα &amp; b');
  });

  it.each([
    [`<svg ${NS}><script>alert(1)</script></svg>`, 'line 1: <script> is not allowed in images (scripts)'],
    [`<svg ${NS} onload="alert(1)" viewBox="0 0 1 1"/>`, 'event handler (onload)'],
    [`<svg ${NS}>\n<rect onclick="x()"/></svg>`, 'line 2: <rect> has an event handler (onclick)'],
    [`<svg ${NS}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>`, '<foreignObject>'],
    [`<svg ${NS}><image href="https://evil.example/x.png"/></svg>`, 'refers to "https://evil.example/x.png" outside'],
    [`<svg ${NS}><image xlink:href="/etc/passwd"/></svg>`, 'refers to "/etc/passwd" outside'],
    [`<svg ${NS}><use href="other.svg#a"/></svg>`, 'refers to "other.svg#a" outside'],
    [`<svg ${NS}><rect fill="url(https://evil.example/p)"/></svg>`, 'outside the image'],
    [`<svg ${NS}><style>@import url(https://evil.example/a.css);</style></svg>`, 'loads files'],
    [`<svg ${NS}><rect style="fill: url(//evil.example/x)"/></svg>`, 'outside the image'],
    [`<svg ${NS}><a href="javascript:alert(1)"><rect/></a></svg>`, '<a> is not allowed in images (links)'],
    [`<svg ${NS}><set attributeName="href" to="javascript:x"/></svg>`, 'animation'],
    [`<svg ${NS}><rect fill="javascript:x"/></svg>`, 'holds a script'],
    [`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg ${NS}/>`, 'DOCTYPE with declarations'],
    [`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg ${NS}>&a;</svg>`, 'not well-formed XML'],
    [`<?xml-stylesheet href="https://evil.example/a.css"?><svg ${NS}/>`, 'external style sheet'],
    [`<svg ${NS}><rect></svg>`, 'not well-formed XML'],
    [`<html xmlns="http://www.w3.org/1999/xhtml"><svg ${NS}/></html>`, 'not an SVG'],
    [`<svg ${NS}><html:p xmlns:html="http://www.w3.org/1999/xhtml">x</html:p></svg>`, 'is HTML, not SVG'],
    [`<svg ${NS}><blink/></svg>`, '<blink> is not supported'],
    [`<svg ${NS}><rect/></svg>`, 'has no size'],
    [`<svg ${NS} viewBox="0 0 1 1"><g id="a"><use href="#a"/></g></svg>`, 'refers to an element that contains it'],
  ])('refuses %s', (svg, message) => {
    expect(problem(svg)).toContain(message);
  });

  it('refuses a <use> chain that would draw billions of shapes, and files nested too deep', () => {
    let defs = '<rect id="l0" width="1" height="1"/>';
    for (let i = 1; i <= 12; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    expect(problem(`<svg ${NS} viewBox="0 0 1 1"><defs>${defs}</defs><use href="#l12"/></svg>`)).toContain(
      'once <use> copies are counted',
    );
    expect(problem(`<svg ${NS} viewBox="0 0 1 1">${'<g>'.repeat(150)}${'</g>'.repeat(150)}</svg>`)).toContain(
      'nested more than 100 deep',
    );
  });
});
