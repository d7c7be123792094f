import { html, Markup } from './html.ts';
import { PALETTE, TONE_COLOURS } from './palette.ts';
import type { Tone } from './palette.ts';

/** A headline figure: a big number, what it means, and an aside (say, a figure to compare it with). */
interface KeyFigure {
  value: string;
  label: string;
  tone?: Tone;
  aside?: string;
}

/** A titled block of the page: an optional explanation and its content (a chart, a table). */
interface Section {
  title: string;
  note?: string;
  content: Markup;
}

interface PageOptions {
  title: string;
  subtitle: string;
  figures: readonly KeyFigure[];
  sections: readonly Section[];
  footer?: string;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${PALETTE.ink}; background: #f5f7fa; margin: 0; }
main { max-width: 860px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0 0 4px; }
.subtitle, .note, footer { color: ${PALETTE.muted}; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0; }
.figure-card { background: ${PALETTE.background}; border-radius: 8px; padding: 12px 16px; min-width: 150px; flex: 1; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.figure-card .value { font-size: 28px; font-weight: 650; } .figure-card.danger .value { color: ${PALETTE.danger}; } .figure-card.ok .value { color: ${PALETTE.ok}; } .figure-card.caution .value { color: ${PALETTE.accent}; }
.figure-card .aside { color: ${PALETTE.muted}; font-size: 12px; margin-top: 6px; border-top: 1px solid ${PALETTE.grid}; padding-top: 4px; }
section { background: ${PALETTE.background}; border-radius: 8px; padding: 16px; margin: 16px 0; box-shadow: 0 1px 2px rgba(0,0,0,.08); overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; margin-top: 8px; }
svg .axis { font-size: 11px; fill: ${PALETTE.muted}; } svg .label { font-size: 12px; fill: ${PALETTE.ink}; } svg .figure { font-size: 30px; font-weight: 650; fill: ${PALETTE.ink}; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid ${PALETTE.grid}; white-space: nowrap; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
.wrap { white-space: normal; overflow-wrap: anywhere; } .muted { color: ${PALETTE.muted}; }
.empty-state { margin-top: 8px; padding: 12px 16px; border: 1px dashed ${PALETTE.neutral}; border-radius: 6px; color: ${PALETTE.muted}; }
.tag { display: inline-block; min-width: 58px; text-align: center; border-radius: 4px; padding: 0 4px; font-size: 11px; font-weight: 650; color: #fff; }
${Object.entries(TONE_COLOURS)
  .map(([tone, colour]) => `.tag.${tone} { background: ${colour}; }`)
  .join(' ')}
`;

/** `rootwatch scan, 2026-01-31 23:59 UTC. Note: ….`: the command that wrote a page, when, and its notes. */
const footerText = (command: string, generatedAt: Date, notes: readonly string[]): string =>
  `rootwatch ${command}, ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.` +
  notes.map((note) => ` Note: ${note}.`).join('');

/**
 * A self-contained HTML page: inline CSS and SVG, no script, no font or image to fetch, so that it
 * opens anywhere (mail attachment, air-gapped laptop) and shows the same thing. Reusable by any
 * rootwatch report: a title, headline figures, then sections of charts and tables.
 */
const buildPage = (options: PageOptions): string =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <title>${options.title}</title>
        <style>
          ${new Markup(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${options.title}</h1>
          <div class="subtitle">${options.subtitle}</div>
          <div class="figures">
            ${options.figures.map(
              (figure) =>
                html`<div class="figure-card ${figure.tone ?? 'neutral'}">
                  <div class="value">${figure.value}</div>
                  <div class="label">${figure.label}</div>
                  ${figure.aside ? html`<div class="aside">${figure.aside}</div>` : null}
                </div>`,
            )}
          </div>
          ${options.sections.map(
            (section) =>
              html`<section>
                <h2>${section.title}</h2>
                ${section.note ? html`<div class="note">${section.note}</div>` : null}${section.content}
              </section>`,
          )}
          ${options.footer ? html`<footer>${options.footer}</footer>` : null}
        </main>
      </body>
    </html> `.text;

export { buildPage, footerText };
export type { KeyFigure, Section, PageOptions };
