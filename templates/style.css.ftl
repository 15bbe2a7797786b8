<#-- Print stylesheet. Brand colours come from publication.yaml through `issue.brand`. -->
<#assign primary = issue.brand.primary accent = issue.brand.accent ink = issue.brand.text
         tint = issue.brand.primaryTint accentTint = issue.brand.accentTint>
@page {
  size: A4;
  margin: 22mm 18mm 20mm 20mm;
  @top-left { content: element(header); vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center {
    content: counter(page);
    font-family: "PT Sans"; font-size: 8.5pt; color: ${ink};
    vertical-align: top; padding-top: 4mm;
  }
  @footnote {
    border-top: 0.4pt solid #9aa5ab;
    padding-top: 2mm;
    margin-top: 4mm;
    max-height: 40%;
  }
}
@page cover { margin: 0; @top-left { content: none; } @bottom-center { content: none; } }
@page inside { margin: 20mm 20mm 18mm 20mm; @top-left { content: none; } @bottom-center { content: none; } }
@page back { margin: 0; @top-left { content: none; } @bottom-center { content: none; } }

html { font-family: "PT Serif"; color: ${ink}; }
body { margin: 0; font-size: 10.5pt; line-height: 1.42; orphans: 2; widows: 2; }
a { color: ${primary}; text-decoration: none; }
p { margin: 0 0 2.2mm 0; }
h1, h2, h3, h4, h5, h6 { font-family: "PT Sans"; font-weight: bold; page-break-after: avoid; hyphens: manual; }
img { max-width: 100%; }
strong, b { font-weight: bold; }
em, i { font-style: italic; }
sup, sub { font-size: 70%; line-height: 0; }
ul, ol { margin: 0 0 2.4mm 0; padding-left: 5.5mm; }
li { margin-bottom: 1mm; }

/* ---------- Cover ---------- */
.cover { page: cover; width: 210mm; height: 297mm; background-color: ${primary}; color: #ffffff; position: relative; overflow: hidden; }
.cover__top { padding: 16mm 18mm 0 18mm; height: 24mm; }
.cover__logo { float: left; width: 22mm; height: 22mm; margin-right: 5mm; }
.cover__publisher { font-family: "PT Sans"; font-size: 12pt; font-weight: bold; line-height: 1.25; padding-top: 3mm; margin: 0; }
.cover__parent { font-weight: normal; font-size: 10pt; color: ${tint}; }
.cover__art { height: 150mm; margin: 8mm 0 0 0; text-align: center; overflow: hidden; }
.cover__art img { width: 210mm; }
.cover__titles { padding: 0 18mm; margin-top: 6mm; height: 62mm; }
.cover__title { font-size: 40pt; line-height: 1.05; margin: 0 0 4mm 0; color: #ffffff; }
.cover__subtitle { font-family: "PT Sans"; font-size: 20pt; color: ${accentTint}; margin: 0; }
.cover__band { position: absolute; left: 0; right: 0; bottom: 0; height: 26mm; background-color: ${accent};
  padding: 8mm 18mm 0 18mm; font-family: "PT Sans"; font-size: 16pt; font-weight: bold; color: #ffffff; }
.cover__sep { padding: 0 4mm; }
/* The designed cover (no cover picture): title in the upper field, the number large, a row of bars. */
.cover__rule { width: 30mm; height: 2mm; background-color: ${accent}; margin: 18mm 0 0 18mm; }
.cover--designed .cover__titles { margin-top: 8mm; height: auto; }
.cover--designed .cover__title { font-size: 44pt; line-height: 1.05; margin-bottom: 5mm; }
.cover__number { position: absolute; left: 16mm; bottom: 43mm; font-family: "PT Sans"; font-weight: bold;
  font-size: 150pt; line-height: 1; color: ${accent}; }
/* Bars are floats, bottom-aligned by their top margins (112 mm is the tallest), standing on the band. */
.cover__bars { position: absolute; right: 18mm; bottom: 34mm; width: 96mm; height: 112mm; }
.cover__bar { float: left; width: 6.2mm; margin-left: 2.8mm; border: 0.8pt solid ${tint}; border-bottom: none; }
.cover__bar--last { background-color: ${accent}; border-color: ${accent}; }
.cover__month { font-weight: normal; }

/* ---------- Inside cover ---------- */
/* Its own measure: the body is laid out at the default page's text width (172 mm), wider than this page's 170 mm. */
.inside { page: inside; width: 170mm; page-break-before: always; font-family: "PT Sans"; font-size: 10pt; line-height: 1.4; }
.inside__kicker { font-size: 9pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.08em; color: ${primary};
  border-bottom: 1.2pt solid ${accent}; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.inside__about { margin-bottom: 6mm; }
.inside__about p { text-align: justify; hyphens: auto; }
.inside__about h3 { font-size: 12pt; color: ${primary}; margin: 0 0 2mm 0; }
.inside__box { background-color: ${tint}; border-left: 3pt solid ${primary}; padding: 4mm 5mm 2mm 5mm; margin-bottom: 6mm;
  page-break-inside: avoid; }
.inside__box-title { font-size: 12pt; font-weight: bold; color: ${primary}; margin-bottom: 2.5mm; }
.inside__list { margin: 0; padding-left: 4.5mm; }
.inside__list li { margin-bottom: 1.5mm; }
.inside__list--plain { font-size: 9pt; }
.inside__resources { margin-bottom: 6mm; }
.inside__imprint { border-top: 0.5pt solid #9aa5ab; padding-top: 3mm; font-size: 8.5pt; color: #4a555c; }
.inside__imprint p { margin: 0 0 0.8mm 0; }

/* ---------- Running header ---------- */
.running-header { position: running(header); font-family: "PT Sans"; font-size: 8.5pt; color: #5b676e;
  border-bottom: 0.5pt solid ${primary}; padding-bottom: 1.2mm; width: 172mm; }
.running-header__title { font-weight: bold; color: ${primary}; }
.running-header__issue { float: right; }
<#-- The draft mark (serve, preview, build --drafts): only where a draft is shown, so that an issue
     without drafts is the very same document, and its PDF the same bytes, as before drafts were marked. -->
<#if issue.sections?filter(s -> s.articles?filter(a -> a.draft)?has_content)?has_content>
.running-header__draft, .contents__draft { font-family: "PT Sans"; font-weight: bold; color: #b3261e; text-transform: uppercase;
  letter-spacing: 0.05em; font-size: 0.85em; }
.running-header__draft { margin-left: 3mm; }
</#if>

/* ---------- Contents ---------- */
.contents { page-break-before: always; font-family: "PT Sans"; }
.contents__title { font-size: 26pt; color: ${primary}; margin: 0 0 6mm 0; border-bottom: 2pt solid ${accent}; padding-bottom: 2mm; }
.contents__section { margin-bottom: 4mm; }
.contents__section-title { font-size: 11pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em;
  margin: 0 0 1.6mm 0; page-break-after: avoid; }
.contents__section-title a { color: ${primary}; }
.contents__entry { font-size: 9.8pt; line-height: 1.3; margin: 0 0 1.3mm 0; padding-right: 9mm; text-indent: 0; hyphens: manual; }
.contents__link { color: ${ink}; }
.contents__entry--index { font-weight: bold; }
.contents__link::after { content: leader(dotted) target-counter(attr(href), page); color: ${ink}; }

/* ---------- Indexes (regions, tags) ---------- */
.index { page-break-before: always; font-family: "PT Sans"; }
.index__title { font-size: 26pt; color: ${primary}; margin: 0 0 6mm 0; border-bottom: 2pt solid ${accent}; padding-bottom: 2mm; }
.index__entry { font-size: 9.8pt; line-height: 1.3; margin: 0 0 1.3mm 0; text-indent: 0; hyphens: manual;
  page-break-inside: avoid; }
.index__pages { white-space: nowrap; }
/* An e-mail address is read and copied whole: it never breaks at its dots («hse.» / «ru»). */
a[href^="mailto:"] { white-space: nowrap; }
.index__page { color: ${ink}; }
.index__page::after { content: target-counter(attr(href), page); }
.index__name::after { content: leader(dotted); color: ${ink}; }

/* ---------- Sections ---------- */
.section { page-break-before: always; }
.section__opener { background-color: ${primary}; color: #ffffff; padding: 5mm 6mm 4mm 6mm; margin-bottom: 7mm;
  border-bottom: 3pt solid ${accent}; page-break-after: avoid; }
.section__title { font-size: 22pt; line-height: 1.1; margin: 0; color: #ffffff; }
.section__intro { font-family: "PT Sans"; font-size: 10pt; color: #3d474d; margin-bottom: 6mm; }
.section__intro p { text-align: justify; }

/* ---------- Articles ---------- */
.article { margin-bottom: 8mm; }
.article + .article { border-top: 0.6pt solid #b9c3c8; padding-top: 5mm; }
.article__head { page-break-inside: avoid; page-break-after: avoid; }
.article__kicker { font-family: "PT Sans"; font-size: 8.5pt; font-weight: bold; text-transform: uppercase;
  letter-spacing: 0.06em; color: ${accent}; margin: 0 0 1.5mm 0; }
.article__title { font-size: 15.5pt; line-height: 1.18; color: ${primary}; margin: 0 0 2.5mm 0; }
.article__lead { font-family: "PT Sans"; font-size: 11pt; line-height: 1.38; font-weight: bold; color: #2f3a40;
  margin: 0 0 3.5mm 0; text-align: left; hyphens: auto; }
.article__image { margin: 1mm 0 4mm 0; page-break-inside: avoid; }
.article__image img { width: 100%; }
.article__caption { font-family: "PT Sans"; font-size: 8.5pt; line-height: 1.3; color: #4a555c; margin: 1.5mm 0 0 0; }
.article__credit { font-family: "PT Sans"; font-size: 7pt; line-height: 1.3; color: #7a858b; text-align: right;
  margin: 0.8mm 0 0 0; }
.article__body p { text-align: justify; text-indent: 0; }
/* Never letter-space a line. These only bound openhtmltopdf's own first try: the pdf stage then gives each full
   line's whole slack to its word spaces (WordSpaceJustification), on lines the paragraph composer chose. */
body { -fs-max-justification-inter-word: 4pt; -fs-max-justification-inter-char: 0; }
.article__body h3 { font-size: 12pt; color: ${primary}; margin: 4.5mm 0 1.8mm 0; }
.article__body h4 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm 0; }
.article__body li { text-align: justify; hyphens: auto; }
.article__source { font-family: "PT Sans"; font-size: 8.5pt; color: #5b676e; margin: 2.5mm 0 0 0; }
.article__source a { color: ${primary}; }
.section--feature .article__title { font-size: 20pt; }
.section--feature .article__lead { font-size: 12pt; }
.section--briefs .article__title { font-size: 13pt; }
.section--briefs .article__lead { font-size: 10pt; }

/* ---------- Boxes ---------- */
.box { margin: 3.5mm 0 4.5mm 0; padding: 3.5mm 5mm 2.5mm 5mm; page-break-inside: avoid; font-family: "PT Sans"; font-size: 9.8pt; line-height: 1.4; }
.box__label { font-size: 8.5pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.07em; margin: 0 0 2mm 0; }
.box__body p { text-align: left; hyphens: auto; }
.box__person { margin: 0 0 2mm 0; }
.box__name { font-weight: bold; display: block; }
.box__role { display: block; font-size: 8.8pt; color: #4a555c; }
.box--quote { background-color: ${accentTint}; border-left: 3pt solid ${accent}; }
.box--quote .box__label { color: ${accent}; }
.box--quote .box__body { font-style: italic; }
.box--quote .box__person { margin: 2mm 0 1mm 0; }
.box--comment { background-color: ${tint}; border-left: 3pt solid ${primary}; }
.box--comment .box__label { color: ${primary}; }
.box--note { border: 0.8pt solid ${primary}; }
.box--note .box__label { color: ${primary}; }

/* ---------- Figures and tables ---------- */
.figure, .table-figure { margin: 4mm 0 5mm 0; }
.figure { page-break-inside: avoid; }
.figure__title, .table-figure__title { font-family: "PT Sans"; font-size: 9.5pt; font-weight: bold; line-height: 1.3;
  margin: 0 0 2mm 0; page-break-after: avoid; hyphens: manual; }
.figure__label, .table-figure__label { color: ${primary}; }
.figure__body { text-align: center; }
.figure__body img { max-width: 100%; }
.figure__caption { font-family: "PT Sans"; font-size: 8.5pt; color: #3d474d; margin: 1.5mm 0 0 0; }
.figure__source { font-family: "PT Sans"; font-size: 8pt; color: #5b676e; margin: 1mm 0 0 0; }
object { display: block; }
.table { width: 100%; table-layout: fixed; border-collapse: collapse; font-family: "PT Sans"; font-size: 8.8pt; line-height: 1.3;
  -fs-table-paginate: paginate; border-top: 1.2pt solid ${primary}; border-bottom: 1.2pt solid ${primary}; }
.table th { font-weight: bold; text-align: left; vertical-align: bottom; padding: 1.6mm 2mm; background-color: ${tint};
  border-bottom: 0.8pt solid ${primary}; }
.table td { padding: 1.2mm 2mm; vertical-align: top; border-bottom: 0.3pt solid #d3dadd; hyphens: auto; }
.table tbody tr:nth-child(even) td { background-color: #f5f7f8; }
/* A part of a table split where a page starts (pdf.TableContinuations) that begins on an odd row keeps the stripes in step. */
.table tbody.table__rows--odd tr:nth-child(odd) td { background-color: #f5f7f8; }
.table tbody.table__rows--odd tr:nth-child(even) td { background-color: transparent; }
.table .align-right { text-align: right; }
.table .align-center { text-align: center; }
.table-figure--wide .table { font-size: 7.6pt; }
.table-figure > p { font-family: "PT Sans"; font-size: 8pt; color: #5b676e; margin-top: 1.2mm; }
.table-figure > p.table-figure__source { margin: 1.5mm 0 0 0; }
tr { page-break-inside: avoid; }
/* «Окончание табл. 2» above a long table's repeated header on the page it runs on to (pdf.TableContinuations),
   on the left as the title stands. */
.table-figure p.table-figure__continued { font-family: "PT Sans"; font-size: 8.5pt; font-style: italic; color: #3d474d;
  text-align: left; margin: 0 0 1.5mm 0; }

/* ---------- Footnotes ---------- */
::footnote-call { counter-increment: footnote 1; }
/* A digest numbers footnotes per article: every article starts again at 1. */
.article { counter-reset: footnote; }
.footnote { float: footnote; font-family: "PT Sans"; font-size: 8pt; line-height: 1.3; text-align: left; font-style: normal; font-weight: normal; }
.footnote::footnote-call { content: counter(footnote); vertical-align: super; font-size: 70%; line-height: 0; }
.footnote::footnote-marker { content: counter(footnote) ". "; font-weight: bold; color: ${primary}; }
a.xref { color: ${primary}; }

/* ---------- Back page ---------- */
.back { page: back; width: 210mm; page-break-before: always; height: 297mm; background-color: ${primary}; color: #ffffff; position: relative;
  font-family: "PT Sans"; overflow: hidden; }
.back__body { padding: 40mm 22mm 0 22mm; font-size: 11.5pt; line-height: 1.5; }
.back__body h3 { font-size: 24pt; color: #ffffff; margin: 0 0 8mm 0; border-bottom: 2pt solid ${accent}; padding-bottom: 3mm; }
.back__body h4 { font-size: 13pt; color: ${accentTint}; margin: 6mm 0 2mm 0; }
.back__body a { color: #ffffff; text-decoration: underline; }
.back__body p { margin: 0 0 2.5mm 0; }
.back__footer { position: absolute; left: 22mm; right: 22mm; bottom: 20mm; border-top: 1pt solid ${accentTint}; padding-top: 5mm; }
.back__logo { float: left; width: 16mm; height: 16mm; margin-right: 5mm; }
.back__publisher { font-size: 12pt; font-weight: bold; margin: 1mm 0 1mm 0; }
.back__issue { font-size: 9.5pt; color: ${tint}; margin: 0; }
/* An offprint (digest archive): the section's name above the article, in place of the section's opener. */
.offprint__from { font-family: "PT Sans"; font-size: 9pt; font-weight: bold; text-transform: uppercase;
  letter-spacing: 0.06em; color: ${primary}; border-bottom: 2pt solid ${accent};
  padding-bottom: 1.5mm; margin: 0 0 6mm 0; }
