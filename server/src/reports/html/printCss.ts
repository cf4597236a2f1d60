/** Print first: A4 with the decree's margins, Times New Roman (or its metric twin), tables that repeat their heads. */
export const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@page wide { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Times New Roman', 'Liberation Serif', Tinos, 'Noto Serif', serif; font-size: 13pt; line-height: 1.35; color: #000; margin: 0; }
main { max-width: 165mm; margin: 0 auto; }
.official .national > div:first-child { white-space: nowrap; }
h1, h2, h3, h4, p.count { break-after: avoid; page-break-after: avoid; }
tbody.keep { break-inside: avoid; page-break-inside: avoid; }
h1.title { text-align: center; font-size: 15pt; margin: 18pt 0 2pt; }
p.subtitle { text-align: center; font-weight: bold; margin: 0; }
p.subtitle.i { font-weight: normal; font-style: italic; margin-bottom: 12pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
h3 { font-size: 13pt; margin: 10pt 0 4pt; }
h4 { font-size: 13pt; font-style: italic; margin: 8pt 0 4pt; }
p { margin: 0 0 6pt; text-align: justify; }
p.lead { text-indent: 1cm; }
.official { display: grid; grid-template-columns: 46% 54%; text-align: center; font-size: 12.5pt; margin-bottom: 6pt; }
.official .b { font-weight: bold; }
.official .u { text-decoration: underline; text-underline-offset: 3pt; }
.official .party { font-size: 14pt; }
.official .rule { width: 30%; margin: 2pt auto; border-top: 1px solid #000; }
.official .date { font-style: italic; margin-top: 10pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 11.5pt; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8eef7; text-align: center; }
td.num { text-align: center; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.group td { background: #f3f3f3; font-weight: bold; font-style: italic; }
.who b { display: block; }
.muted { font-style: italic; font-size: 10.5pt; }
.note { font-style: italic; }
.chart { margin: 4pt 0 10pt; break-inside: avoid; }
.chart svg { width: 100%; height: auto; display: block; }
.wide { page: wide; max-width: none; }
.heatmap { font-size: 10pt; width: auto; }
.heatmap th.point { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; padding: 4pt 1pt; }
.heatmap td { text-align: center; min-width: 18pt; padding: 1pt 3pt; }
.heatmap td.article { text-align: left; white-space: nowrap; }
.legend { font-size: 10pt; font-style: italic; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 18pt; break-inside: avoid; }
.signatures .b { font-weight: bold; }
.toolbar { text-align: right; max-width: 210mm; margin: 8px auto; }
.toolbar button { font: inherit; padding: 4px 14px; cursor: pointer; }
@media screen {
  body { background: #eceff3; padding: 12px 0 40px; }
  /* On screen the page is an A4 sheet: 210 mm with the print margins as padding. */
  main { max-width: 210mm; background: #fff; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
  .wide { overflow-x: auto; }
}
@media print { .no-print { display: none; } main { max-width: none; } }
`;
