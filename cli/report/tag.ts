import { html } from './html.ts';
import type { Markup } from './html.ts';
import type { Tone } from './palette.ts';

/** A short coloured label inside text or a table cell (`FAIL`, `PASS`): its words carry the meaning. */
const tag = (text: string, tone: Tone): Markup => html`<span class="tag ${tone}">${text}</span>`;

export { tag };
