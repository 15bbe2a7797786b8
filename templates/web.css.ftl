<#-- The web edition's stylesheet: brand colours come in as variables, fonts are subsets of the bundled
     TTFs written into fonts/ beside the page. One column, from a phone to a desktop; no script. -->
<#assign primary = issue.brand.primary accent = issue.brand.accent ink = issue.brand.text
         primaryTint = issue.brand.primaryTint accentTint = issue.brand.accentTint>
<#-- Small text in a brand colour uses its shade that reads (4.5:1): --accent-text on white, --accent-on-primary
     on the primary band; --accent itself stays for rules, borders and large type. -->
<#-- Each face is made from the font folder's NAME.ttf: only the characters of this page, renamed to the
     family given here (the ParaType licence asks a modified font to carry a new name), as WOFF. -->
@font-face { font-family: "Digest Serif"; src: url("fonts/PTF55F.woff") format("woff"); font-weight: 400; font-style: normal; font-display: swap; }
@font-face { font-family: "Digest Serif"; src: url("fonts/PTF56F.woff") format("woff"); font-weight: 400; font-style: italic; font-display: swap; }
@font-face { font-family: "Digest Serif"; src: url("fonts/PTF75F.woff") format("woff"); font-weight: 700; font-style: normal; font-display: swap; }
@font-face { font-family: "Digest Serif"; src: url("fonts/PTF76F.woff") format("woff"); font-weight: 700; font-style: italic; font-display: swap; }
@font-face { font-family: "Digest Sans"; src: url("fonts/PTS55F.woff") format("woff"); font-weight: 400; font-style: normal; font-display: swap; }
@font-face { font-family: "Digest Sans"; src: url("fonts/PTS56F.woff") format("woff"); font-weight: 400; font-style: italic; font-display: swap; }
@font-face { font-family: "Digest Sans"; src: url("fonts/PTS75F.woff") format("woff"); font-weight: 700; font-style: normal; font-display: swap; }
@font-face { font-family: "Digest Sans"; src: url("fonts/PTS76F.woff") format("woff"); font-weight: 700; font-style: italic; font-display: swap; }

:root { --primary: ${primary}; --accent: ${accent}; --ink: ${ink}; --primary-tint: ${primaryTint}; --accent-tint: ${accentTint};
  --accent-text: ${web.colours.accentText}; --accent-on-tint: ${web.colours.accentOnTint};
  --primary-text: ${web.colours.primaryText}; --primary-on-tint: ${web.colours.primaryOnTint};
  --accent-on-primary: ${web.colours.accentOnPrimary};
  --measure: 44rem; --sans: "Digest Sans", "PT Sans", "Helvetica Neue", Arial, sans-serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: "Digest Serif", "PT Serif", Georgia, serif; font-size: 1.0625rem; line-height: 1.55; color: var(--ink);
  background: #fff; }
p, li, dd, td, th, figcaption, blockquote { hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { font-family: var(--sans); line-height: 1.2; color: var(--primary-text); hyphens: manual; }
a { color: var(--primary-text); text-decoration-color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent-text); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
img, svg { max-width: 100%; height: auto; }
.skip { position: absolute; left: -999px; top: 0; background: var(--primary-text); color: #fff; padding: 0.5rem 1rem; z-index: 2; }
.skip:focus { left: 0; }

/* Masthead: the cover in one band. */
.masthead { background: var(--primary); color: #fff; border-bottom: 4px solid var(--accent); }
.masthead__inner { max-width: var(--measure); margin: 0 auto; padding: 1.5rem 1rem 1.75rem; display: flex; gap: 1.5rem;
  align-items: center; justify-content: space-between; }
.masthead__publisher { font-family: var(--sans); font-size: 0.9rem; margin: 0 0 1rem; display: flex; align-items: center; gap: 0.6rem; }
.masthead__logo { width: 2.5rem; height: 2.5rem; background: #fff; border-radius: 4px; padding: 2px; }
.masthead__title { color: #fff; font-size: clamp(1.9rem, 6vw, 3.2rem); margin: 0; }
.masthead__subtitle { font-family: var(--sans); font-size: clamp(1.1rem, 3vw, 1.6rem); color: #e8eef0; margin: 0.35rem 0 0; }
.masthead__issue { font-family: var(--sans); font-weight: 700; color: #fff; margin: 1rem 0 0.75rem;
  text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.9rem; }
.masthead__pdf { margin: 0; }
.masthead__pdf a { display: inline-block; font-family: var(--sans); font-weight: 700; color: var(--primary); background: #fff;
  padding: 0.45rem 0.9rem; border-radius: 4px; text-decoration: none; }
.masthead__pdf a:hover, .masthead__pdf a:focus { background: var(--primary-tint); color: var(--primary-text); }
.pdf-facts { font-weight: 400; }
.masthead__art { width: 11rem; flex: none; }
.masthead__art img { display: block; width: 100%; height: auto; border-radius: 4px; }
@media (max-width: 40rem) { .masthead__art { display: none; } }

/* Contents */
.contents, main, .colophon__inner { max-width: var(--measure); margin: 0 auto; padding: 0 1rem; }
.contents { font-family: var(--sans); padding-top: 1.5rem; padding-bottom: 1rem; border-bottom: 1px solid #c9d2d6; }
.contents__title { font-size: 1.6rem; border-bottom: 3px solid var(--accent); padding-bottom: 0.3rem; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents__sections > li { margin: 0 0 1rem; }
.contents__section { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.95rem; text-decoration: none; }
.contents__articles li { margin: 0.35rem 0 0 0; padding-left: 0.9rem; border-left: 2px solid var(--primary-tint); }
.contents__articles a { color: var(--ink); text-decoration: none; }
.contents__articles a:hover, .contents__articles a:focus { color: var(--primary-text); text-decoration: underline; }

/* Sections and articles */
.section { padding-top: 1rem; }
.section__title { background: var(--primary); color: #fff; font-size: 1.5rem; padding: 0.6rem 0.9rem;
  border-bottom: 3px solid var(--accent); margin: 2rem 0 1.25rem; }
.section__intro { font-family: var(--sans); color: #3d474d; }
.article { padding: 1.25rem 0 1.5rem; border-top: 1px solid #c9d2d6; }
.section__title + .article, .section__intro + .article { border-top: 0; padding-top: 0.25rem; }
.article__kicker { font-family: var(--sans); font-size: 0.8rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.06em; color: var(--accent-text); margin: 0 0 0.35rem; }
.article__title { font-size: 1.45rem; margin: 0 0 0.6rem; }
.article__anchor { font-weight: 400; color: var(--accent-text); text-decoration: none; padding: 0 0.2em; }
.article__anchor:hover, .article__anchor:focus { text-decoration: underline; }
.article__lead { font-family: var(--sans); font-size: 1.08rem; color: #3d474d; margin: 0 0 1rem; }
.article__image { margin: 0 0 1rem; }
.article__image img { display: block; width: 100%; }
.article__caption, .figure__caption, .figure__source { font-family: var(--sans); font-size: 0.85rem; color: #5b676e; margin: 0.35rem 0 0; }
.article__credit { font-style: italic; }
.article__body h4, .article__body h5 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.article__source { font-family: var(--sans); font-size: 0.85rem; color: #5b676e; }
.section--briefs .article__title { font-size: 1.2rem; }

/* Boxes: direct speech, expert comment, callout */
.box { margin: 1.25rem 0; padding: 0.75rem 1rem; background: var(--primary-tint); border-left: 4px solid var(--primary); }
.box--comment { background: var(--accent-tint); border-left-color: var(--accent); }
.box__label { font-family: var(--sans); font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--primary-on-tint); margin: 0 0 0.4rem; }
.box--comment .box__label { color: var(--accent-on-tint); }
.box__name { font-family: var(--sans); font-weight: 700; }
.box__role { font-family: var(--sans); font-size: 0.9rem; color: #4a555b; }
.box__person { margin: 0 0 0.5rem; line-height: 1.35; }
.box p { margin: 0.4rem 0; }

/* Figures, charts, tables */
.figure, .table-figure { margin: 1.5rem 0; }
.figure__title, .table-figure__title, .table-figure > p.table-figure__title { font-family: var(--sans); font-weight: 700;
  font-size: 1rem; color: var(--primary-text); margin: 0 0 0.5rem; }
.figure__label, .table-figure__label { color: var(--accent-text); margin-right: 0.3em; }
.chart__data { font-family: var(--sans); font-size: 0.85rem; margin: 0.35rem 0 0; }
.figure__body img { display: block; margin: 0 auto; }
.chart { margin: 0 auto; }
.chart svg { display: block; width: 100%; height: auto; }
/* The charts name the PDF's family in each label; here the page's own (subset) fonts stand for it. */
.chart svg text { font-family: var(--sans) !important; }
/* A table wider than the column scrolls in its own box, which takes the keyboard's focus; shadows at
   its edges (drawn only where there is more to see) tell that it scrolls. */
.table-scroll { overflow-x: auto; max-width: 100%;
  background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 2.5rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.25), rgba(0, 0, 0, 0)) left / 0.9rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.25), rgba(0, 0, 0, 0)) right / 0.9rem 100% no-repeat scroll; }
.table-scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.table-scroll table { min-width: 100%; width: max-content; max-width: 48rem; }
.table-scroll th, .table-scroll td { hyphens: manual; -webkit-hyphens: manual; overflow-wrap: normal; min-width: 5.5em; }
table { border-collapse: collapse; font-family: var(--sans); font-size: 0.9rem; width: 100%; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid #c9d2d6; vertical-align: top; text-align: left; }
th { background: var(--primary-tint); color: var(--primary-on-tint); vertical-align: bottom; }
table.table { border-top: 2px solid var(--primary); border-bottom: 2px solid var(--primary); font-variant-numeric: tabular-nums; }
th.align-right, td.align-right { text-align: right; }
th.align-center, td.align-center { text-align: center; }
.table-figure > p.table-figure__source { font-family: var(--sans); font-size: 0.85rem; color: #5b676e; margin-top: 0.4rem; }

/* Notes (footnotes in print) */
sup.note-ref { line-height: 0; }
sup.note-ref a { text-decoration: none; font-family: var(--sans); font-weight: 700; padding: 0 0.1em; }
.notes { margin-top: 1.25rem; padding-top: 0.5rem; border-top: 1px solid #c9d2d6; font-size: 0.9rem; }
.notes__title { font-size: 0.95rem; margin: 0 0 0.4rem; }
.notes ol { padding-left: 1.5rem; margin: 0; }
.note-back { color: var(--primary-text); text-decoration: underline; font-family: var(--sans); padding: 0 0.2em; }

/* Index */
.index { padding-top: 1rem; }
.index__title { font-size: 1.5rem; border-bottom: 3px solid var(--accent); padding-bottom: 0.3rem; margin-top: 2rem; }
.index__entries { font-family: var(--sans); margin: 0; }
.index__entries dt { font-weight: 700; margin-top: 0.75rem; }
.index__entries dd { margin: 0.15rem 0 0 1rem; }

/* Colophon: the inside cover and the back page */
.colophon { background: var(--primary); color: #fff; margin-top: 3rem; padding: 1.5rem 0 2rem; border-top: 4px solid var(--accent); }
.colophon a { color: #fff; }
.colophon h2, .colophon h3, .colophon h4 { color: #fff; }
.colophon .colophon__kicker, .colophon__box-title { margin: 1rem 0 0.5rem; font-family: var(--sans); font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.05em; font-size: 0.85rem; color: var(--accent-on-primary); }
.colophon__box { padding: 0.5rem 1rem; border-left: 4px solid var(--accent); }
.colophon__imprint { font-family: var(--sans); font-size: 0.85rem; border-top: 1px solid rgba(255, 255, 255, 0.4); margin-top: 1.5rem; }

@media (min-width: 64rem) {
  body { font-size: 1.125rem; }
}
/* Printed from the browser: background graphics are off by default, so the white-on-colour bands are
   printed as dark text on white with a rule; links print their address; the PDF links do not print. */
@media print {
  .skip, .masthead__pdf, .colophon__pdf, .article__anchor, .chart__data, .masthead__art { display: none; }
  body { font-size: 11pt; color: #000; }
  .masthead, .colophon, .section__title { background: none; color: #000; border-color: #000; }
  .masthead__title, .masthead__subtitle, .masthead__issue, .colophon, .colophon a, .colophon h2, .colophon h3,
  .colophon h4, .colophon .colophon__kicker, .colophon__box-title, .section__title { color: #000; }
  .section__title { border-top: 3px solid #000; border-bottom: 1px solid #000; padding-left: 0; }
  .box, .colophon__box { background: none; border: 1px solid #000; border-left-width: 4px; }
  th { background: none; color: #000; border-bottom: 2px solid #000; }
  .table-scroll { overflow: visible; background: none; }
  .table-scroll table { width: 100%; max-width: none; }
  /* e-mail links show their address as their text already */
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
  a[href^="#"]::after { content: none; }
  h2, h3, h4 { break-after: avoid; }
  figure, .figure, .chart, .box, tr { break-inside: avoid; }
}
