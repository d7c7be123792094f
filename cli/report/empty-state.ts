import { html } from './html.ts';
import type { Markup } from './html.ts';

/**
 * What a chart or table shows when it has nothing to draw, in words, so that an empty chart is never
 * mistaken for a zero: `No data` when the inputs say nothing (no dated object, no report), `None`
 * when they were read and hold nothing of the kind (no critical finding, no active key).
 */
const emptyState = (lead: 'No data' | 'None', text: string): Markup =>
  html`<div class="empty-state" role="note"><b>${lead}</b>: ${text}</div>`;

export { emptyState };
