/**
 * Deck styles of the section kinds, appended after every theme's CSS (built-in or custom) so a
 * `kind:` looks the same whichever theme a deck uses. The slide template marks a section's slides
 * with `_class: kind-<kind>` and puts a box kind's label in the slide header. As on the handout:
 * warning and call are framed with a label badge and an icon (never colour alone), steps get
 * numbered discs, questions tick boxes, tip a soft bar. Label text is white on ≥ 7:1 colours.
 * `!important` because Marp scopes theme rules under `div.marpit`, which outranks these selectors.
 */
export const KINDS_CSS = `
section.kind-warning, section.kind-call { border: 10px solid var(--dh-kind) !important; }
section.kind-warning { --dh-kind: #a4161a !important; background-color: #fdeeee !important; }
section.kind-call { --dh-kind: #8a4700 !important; background-color: #fff5e6 !important; \
border-left-width: 28px !important; }
section.kind-tip { --dh-kind: #1b5e20 !important; background-color: #edf6ee !important; \
border-left: 14px solid #2e7d32 !important; }
section.kind-warning > header, section.kind-call > header, section.kind-tip > header {
  position: absolute !important; top: 24px !important; left: 60px !important; right: auto !important; \
padding: 4px 18px !important; border-radius: 4px !important;
  font-weight: 700 !important; font-size: 24px !important; letter-spacing: 0.02em !important; color: #fff !important; \
background: var(--dh-kind) !important;
}
section.kind-tip > header { color: var(--dh-kind) !important; background: transparent !important; \
padding-left: 0 !important; }
section.kind-warning > header::before { content: "\\26A0\\FE0E  " !important; }
section.kind-call > header::before { content: "\\260E\\FE0E  " !important; }
section.kind-tip > header::before { content: "\\2139\\FE0E  " !important; }
section.kind-steps ol { list-style: none !important; counter-reset: dh-step !important; padding-left: 0 !important; }
section.kind-steps ol > li { counter-increment: dh-step !important; position: relative !important; \
padding-left: 2.2em !important; margin: 0.35em 0 !important; }
section.kind-steps ol > li::before {
  content: counter(dh-step) !important; position: absolute !important; left: 0 !important; top: 0.05em !important; \
width: 1.5em !important; height: 1.5em !important;
  line-height: 1.5em !important; border-radius: 50% !important; text-align: center !important; \
font-weight: 700 !important; font-size: 0.9em !important;
  background: #123b66 !important; color: #fff !important;
}
section.kind-questions ul { list-style: none !important; padding-left: 0 !important; }
section.kind-questions ul > li { position: relative !important; padding-left: 1.8em !important; \
margin: 0.35em 0 !important; }
section.kind-questions ul > li::before {
  content: "" !important; position: absolute !important; left: 0 !important; top: 0.2em !important; \
width: 0.95em !important; height: 0.95em !important;
  border: 3px solid currentColor !important; box-sizing: border-box !important;
}
`;
