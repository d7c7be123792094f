import { formatShare } from '../format/bytes.ts';
import { chartSvg } from './chart-svg.ts';
import { html } from './html.ts';
import type { Markup } from './html.ts';
import { PALETTE } from './palette.ts';

/** One slice of a whole, with its colour. */
interface Slice {
  name: string;
  value: number;
  colour: string;
}

/**
 * A share at a glance: a ring in inline SVG of every slice, the figure in the middle (by default
 * the first slice's share of the whole; `share` when the figure has another denominator, e.g. "of
 * the sign-ins whose MFA is known"), and a legend of every slice and its count.
 */
const shareRing = (
  slices: readonly Slice[],
  options: { title: string; caption: string; share?: number | null },
): Markup => {
  const size = 180;
  const radius = 70;
  const circumference = 2 * Math.PI * radius;
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  let offset = 0;
  const arcs = slices
    .filter((slice) => slice.value > 0)
    .map((slice) => {
      const length = (slice.value / total) * circumference;
      const arc = html`<circle
        cx="${size / 2}"
        cy="${size / 2}"
        r="${radius}"
        fill="none"
        stroke="${slice.colour}"
        stroke-width="26"
        stroke-dasharray="${length} ${circumference - length}"
        stroke-dashoffset="${-offset}"
        transform="rotate(-90 ${size / 2} ${size / 2})"
        ><title>${slice.name}: ${slice.value}</title></circle
      >`;
      offset += length;
      return arc;
    });
  const first = slices[0];
  const share =
    options.share !== undefined ? options.share : total === 0 || !first ? null : first.value / total;
  const figure = share === null ? '–' : formatShare(share);
  const legend = slices.map(
    (slice, index) =>
      html`<g transform="translate(${size + 16},${40 + index * 22})"
        ><rect width="12" height="12" fill="${slice.colour}" /><text x="18" y="11" class="label"
          >${slice.name}: ${slice.value}</text
        ></g
      >`,
  );
  return chartSvg(
    { title: options.title, width: size + 220, height: size },
    html`<circle
        cx="${size / 2}"
        cy="${size / 2}"
        r="${radius}"
        fill="none"
        stroke="${PALETTE.grid}"
        stroke-width="26"
      />
      ${arcs}
      <text x="${size / 2}" y="${size / 2 + 2}" text-anchor="middle" class="figure">${figure}</text>
      <text x="${size / 2}" y="${size / 2 + 22}" text-anchor="middle" class="axis">${options.caption}</text>
      ${legend}`,
  );
};

export { shareRing };
export type { Slice };
