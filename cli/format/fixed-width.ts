import { escapeControl } from '../../findings/formats/control-characters.ts';

/** A column of a fixed-width table; width 0 means "as wide as the text" (the last column). */
interface Column<T> {
  header: string;
  width: number;
  cell(value: T): string;
}

/** A cell on one line: its control characters (newlines too) escaped, then cut or padded to the width. */
const fit = (cell: string, width: number): string => {
  const text = escapeControl(cell);
  if (width === 0) return text;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
};

/**
 * A table whose rows print as they come, without waiting for the whole input: fixed widths, two
 * spaces between columns, long cells cut with `…`.
 */
const fixedWidthTable = <T>(columns: ReadonlyArray<Column<T>>) => {
  const row = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => fit(cell, columns[index]?.width ?? 0))
      .join('  ')
      .trimEnd();
  return {
    header: (): string => row(columns.map((column) => column.header)),
    row: (value: T): string => row(columns.map((column) => column.cell(value))),
  };
};

export { fixedWidthTable };
export type { Column };
