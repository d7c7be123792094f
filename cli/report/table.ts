import { html } from './html.ts';
import type { Markup } from './html.ts';

/** A plain data table: a header row and rows of cells (text, or markup); numbers align right. */
const dataTable = (
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | Markup>>,
): Markup =>
  html`<table>
    <thead>
      <tr>
        ${headers.map((header) => html`<th>${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => (typeof cell === 'number' ? html`<td class="number">${cell}</td>` : html`<td>${cell}</td>`))}
          </tr>`,
      )}
    </tbody>
  </table>`;

export { dataTable };
