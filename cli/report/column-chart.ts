import { plural } from '../format/plural.ts';
import { chartSvg } from './chart-svg.ts';
import { html } from './html.ts';
import type { Markup } from './html.ts';
import { PALETTE } from './palette.ts';

/** One column: its label under the axis and its value; null where there is no data (drawn apart). */
interface Column {
  label: string;
  value: number | null;
}

interface ColumnChartOptions {
  title: string;
  /** What a value counts, in the singular, for tooltips ("use": "1 use", "3 uses"). */
  unit: string;
  /** How a value reads on the axis and in tooltips, when not a count of `unit` (a share: `40%`). */
  valueText?: (value: number) => string;
  /** The axis' upper bound, when the values have one (a share: 100). */
  max?: number;
  width?: number;
  height?: number;
}

/** A round upper bound for the axis: 1, 2, 5 × 10ⁿ. */
const niceMax = (max: number): number => {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= max)!;
};

/**
 * Vertical columns over time or categories, as inline SVG (no script, no network): a value axis
 * with three grid lines, every column with a tooltip, and labels thinned out when crowded. A column
 * without data is a full-height grey band whose tooltip says so, never a zero.
 */
const columnChart = (columns: readonly Column[], options: ColumnChartOptions): Markup => {
  const width = options.width ?? 720;
  const height = options.height ?? 240;
  const left = 40;
  const bottom = 40;
  const top = 10;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const max = options.max ?? niceMax(Math.max(0, ...columns.map((column) => column.value ?? 0)));
  const text = options.valueText ?? ((value: number) => plural(value, options.unit));
  const slot = plotWidth / Math.max(1, columns.length);
  const labelEvery = Math.max(1, Math.ceil(columns.length / Math.floor(plotWidth / 70)));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const grid = [0, max / 2, max].map(
    (value) =>
      html`<line x1="${left}" x2="${width - 10}" y1="${y(value)}" y2="${y(value)}" stroke="${PALETTE.grid}" />
        <text x="${left - 6}" y="${y(value) + 4}" text-anchor="end" class="axis"
          >${options.valueText ? options.valueText(value) : Number.isInteger(value) ? value : value.toFixed(1)}</text
        >`,
  );
  const bars = columns.map((column, index) => {
    const x = left + index * slot + slot * 0.15;
    const label =
      index % labelEvery === 0
        ? html`<text x="${x + slot * 0.35}" y="${height - bottom + 16}" text-anchor="middle" class="axis"
            >${column.label}</text
          >`
        : null;
    if (column.value === null) {
      return html`<g class="column no-data"
        ><rect x="${x}" y="${top}" width="${slot * 0.7}" height="${plotHeight}" fill="${PALETTE.grid}"
          ><title>${column.label}: no data</title></rect
        >${label}</g
      >`;
    }
    const barHeight = (column.value / max) * plotHeight;
    return html`<g class="column"
      ><rect x="${x}" y="${y(column.value)}" width="${slot * 0.7}" height="${barHeight}" fill="${PALETTE.bar}"
        ><title>${column.label}: ${text(column.value)}</title></rect
      >${label}</g
    >`;
  });
  return chartSvg({ title: options.title, width: width, height: height }, html`${grid}${bars}`);
};

export { columnChart, niceMax };
export type { Column, ColumnChartOptions };
