import { html } from './html.ts';
import type { Markup } from './html.ts';

/**
 * A chart's inline SVG element: an image to assistive technology, named by its title (also the
 * tooltip), drawn at its own size.
 */
const chartSvg = (size: { title: string; width: number; height: number }, content: Markup): Markup =>
  html`<svg
    class="chart"
    role="img"
    aria-label="${size.title}"
    viewBox="0 0 ${size.width} ${size.height}"
    width="${size.width}"
    height="${size.height}"
  >
    <title>${size.title}</title>
    ${content}
  </svg>`;

export { chartSvg };
