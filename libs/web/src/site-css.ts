/* The one stylesheet of the site (WEB.md): self-hosted, mobile first, system fonts only, readable at
 * 320 px, visible focus, colours with at least 4.5:1 contrast, and a print style for posters. Kept as
 * a module so the build ships it with the code. */
export const SITE_CSS = `
:root {
  --ink: #1b1b1f; --muted: #4a4a55; --paper: #ffffff; --soft: #f4f2ee; --line: #c9c5bd;
  --accent: #8a1538; --accent-ink: #ffffff; --link: #0b4f8a; --ok: #1e5c2e; --warn: #7a3e00; --bad: #a4161a;
  --focus: #ffbf47; --radius: 6px; --gap: 1rem;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); overflow-wrap: break-word; hyphens: auto; }
img, svg { max-width: 100%; height: auto; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 var(--gap); }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; padding: 0.5rem 1rem; background: var(--ink);
  color: var(--paper); border-radius: var(--radius); }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--accent); color: var(--accent-ink); padding: 0.75rem 0; }
.site-header .wrap { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
.site-header a { color: var(--accent-ink); }
.site-name { font-weight: 700; font-size: 1.05rem; text-decoration: none; }
@media (min-width: 30rem) { .site-name { font-size: 1.2rem; } }
.nav, .footer-links, .inline-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
main { display: block; padding-top: 1.5rem; padding-bottom: 2.5rem; }
main:focus { outline: none; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
p, ul, ol, dl, table { margin: 0 0 1rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.muted { color: var(--muted); }
.site-footer { border-top: 1px solid var(--line); background: var(--soft); padding: 1.5rem 0; font-size: 0.95rem; }
.cards { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: var(--gap);
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.card { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; background: var(--paper); }
.card h2, .card h3 { margin-top: 0; font-size: 1.15rem; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; border: 1px solid currentColor;
  font-size: 0.85rem; font-weight: 600; }
.badge.cancelled, .error { color: var(--bad); }
.badge.ok { color: var(--ok); }
.badge.warn { color: var(--warn); }
.facts { display: grid; grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr); gap: 0.25rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
.table-scroll { overflow-x: auto; position: relative; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
form { margin: 0 0 1.5rem; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; margin: 0 0 1rem; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.2rem; }
label.choice { display: flex; gap: 0.5rem; align-items: baseline; font-weight: 400; }
input, select, textarea, button { font: inherit; }
input[type="text"], input[type="email"], input[type="password"], input[type="tel"], input[type="number"], input[type="date"],
input[type="datetime-local"], input[type="time"], input[type="search"], input[type="url"], select, textarea {
  width: 100%; max-width: 36rem; padding: 0.5rem 0.6rem; border: 1px solid var(--muted); border-radius: var(--radius);
  background: var(--paper); color: var(--ink); }
.field-error { color: var(--bad); font-weight: 600; margin: 0.2rem 0 0; }
[aria-invalid="true"] { border-color: var(--bad); border-width: 2px; }
.button, button { display: inline-block; padding: 0.55rem 1.1rem; border: 2px solid var(--accent); border-radius: var(--radius);
  background: var(--accent); color: var(--accent-ink); font-weight: 600; text-decoration: none; cursor: pointer; }
.button.secondary, button.secondary { background: var(--paper); color: var(--accent); }
.notice { border-left: 4px solid var(--accent); background: var(--soft); padding: 0.75rem 1rem; margin: 0 0 1rem; }
.notice.error { border-left-color: var(--bad); }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; }
.filters { display: grid; gap: 0 var(--gap); grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); }
.map svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); background: var(--soft); }
.atlas-district { stroke: var(--paper); stroke-width: 2; stroke-linejoin: round; }
.atlas-fill-0 { fill: #e6dcc8; } .atlas-fill-1 { fill: #d5e3d0; } .atlas-fill-2 { fill: #d6dfea; }
.atlas-fill-3 { fill: #eed8d8; } .atlas-fill-4 { fill: #e2dbea; }
.map a:hover .atlas-district, .map a:focus-visible .atlas-district { fill: #f5d98f; }
.map a:focus-visible .atlas-district, .map a:focus-visible .atlas-point { stroke: var(--ink); stroke-width: 4; }
.atlas-label { font-size: 17px; font-weight: 600; fill: var(--ink); text-anchor: middle; pointer-events: none;
  paint-order: stroke; stroke: var(--paper); stroke-width: 4px; stroke-linejoin: round; }
.atlas-point { fill: var(--accent); stroke: var(--paper); stroke-width: 3; }
.atlas-point.project { fill: var(--link); }
.map a:hover .atlas-point { fill: var(--ink); }
.map figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
figure.map { margin: 0 0 1.5rem; }
.atlas-area ul { padding-left: 1.2rem; }
.atlas-address { display: block; font-size: 0.9rem; color: var(--muted); }
@media (max-width: 30rem) { .atlas-label { display: none; } .atlas-point { r: 18px; } }
.inline-form { display: inline; margin: 0; }
.link-button { padding: 0; border: 0; background: none; color: inherit; font-weight: 400; text-decoration: underline;
  text-underline-offset: 0.15em; cursor: pointer; }
.prewrap { white-space: pre-line; }
.link-list { padding-left: 1.2rem; }
.event-list .when { margin: 0 0 0.25rem; font-weight: 600; }
.event-list p, .event-list ul { margin-bottom: 0.4rem; }
.consent { margin: 1rem 0 0.25rem; }
.embed main { padding-top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (min-width: 48rem) { h1 { font-size: 2.3rem; } .columns { display: grid; grid-template-columns: 2fr 1fr; gap: 2rem; } }
.description { white-space: pre-line; }
.card, .facts dd { min-width: 0; }
form button { margin-top: 0.75rem; }
code { overflow-wrap: anywhere; }
.poster .facts { font-size: 1.2rem; }
.qr { margin: 1.5rem 0; }
.qr-code { width: 12rem; max-width: 100%; }
.qr-code svg { display: block; width: 100%; height: auto; }
.qr .url { overflow-wrap: anywhere; font-weight: 600; }
@media print {
  @page { size: A4; margin: 15mm; }
  .poster h1 { font-size: 32pt; }
  .poster .facts { font-size: 16pt; }
  .qr-code { width: 60mm; }
  .site-header, .site-footer, .skip-link, form, .no-print { display: none !important; }
  body { font-size: 12pt; }
  a { color: inherit; text-decoration: none; }
  .poster { page-break-inside: avoid; }
}
`;
