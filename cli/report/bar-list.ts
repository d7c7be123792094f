import { chartSvg } from './chart-svg.ts';
import { html } from './html.ts';
import type { Markup } from './html.ts';
import { PALETTE, SERIES } from './palette.ts';

/** One row of a ranking: a label, and its value split into named parts (stacked). */
interface BarRow {
  label: string;
  parts: ReadonlyArray<{ name: string; value: number }>;
}

/**
 * A ranking as horizontal stacked bars in inline SVG: one row per label, longest first as given,
 * parts coloured in series order (or by `colours`, for parts whose name means a colour, such as a
 * status) with a legend, each part with a tooltip, the total at the end.
 */
const barList = (
  rows: readonly BarRow[],
  options: { title: string; width?: number; colours?: Readonly<Record<string, string>> },
): Markup => {
  const width = options.width ?? 720;
  const rowHeight = 22;
  // Room for the longest label at about 7 px a character (12 px system-ui), at least 130.
  const labelWidth = Math.max(130, 12 + 7 * Math.max(0, ...rows.map((row) => row.label.length)));
  const totalWidth = 60;
  const plotWidth = width - labelWidth - totalWidth;
  // Parts in the order the rows give them (stable colours across charts), those with a value only.
  const used = new Set(
    rows.flatMap((row) => row.parts.filter((part) => part.value > 0).map((part) => part.name)),
  );
  const names = [...new Set(rows.flatMap((row) => row.parts.map((part) => part.name)))].filter((name) =>
    used.has(name),
  );
  const colour = (name: string) => options.colours?.[name] ?? SERIES[names.indexOf(name) % SERIES.length]!;
  const totals = rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0));
  const max = Math.max(1, ...totals);
  const legendItem = 120;
  const perRow = Math.max(1, Math.floor((width - labelWidth) / legendItem));
  const legendHeight = Math.ceil(names.length / perRow) * 18 + 6;
  const height = legendHeight + rows.length * rowHeight + 4;
  const legend = names.map((name, index) => {
    const x = labelWidth + (index % perRow) * legendItem;
    const y = 4 + Math.floor(index / perRow) * 18;
    return html`<g transform="translate(${x},${y})"
      ><rect width="12" height="12" fill="${colour(name)}" /><text x="16" y="11" class="axis"
        >${name}</text
      ></g
    >`;
  });
  const bars = rows.map((row, index) => {
    const y = legendHeight + index * rowHeight;
    let x = labelWidth;
    const segments = row.parts
      .filter((part) => part.value > 0)
      .map((part) => {
        const segmentWidth = (part.value / max) * plotWidth;
        const segment = html`<rect
          x="${x}"
          y="${y + 3}"
          width="${segmentWidth}"
          height="${rowHeight - 6}"
          fill="${colour(part.name)}"
          ><title>${row.label}: ${part.value} ${part.name}</title></rect
        >`;
        x += segmentWidth;
        return segment;
      });
    return html`<g class="bar-row"
      ><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${row.label}</text
      >${segments}<text x="${x + 6}" y="${y + 15}" class="axis">${totals[index]!}</text></g
    >`;
  });
  return chartSvg(
    { title: options.title, width: width, height: height },
    html`${legend}${bars}
      <line
        x1="${labelWidth}"
        x2="${labelWidth}"
        y1="${legendHeight}"
        y2="${height}"
        stroke="${PALETTE.grid}"
      />`,
  );
};

export { barList };
export type { BarRow };
