/** A bench line: the figure, the baseline measured in the same run, the ratio and the target. */
interface BenchLine {
  name: string;
  value: string;
  baseline: string;
  ratio: number;
  /** Empty for a figure reported for reference, with no target. */
  target: string;
  met: boolean;
}

const printTable = (title: string, lines: readonly BenchLine[]): void => {
  console.log(`\n${title}`);
  const rows = [
    ['measure', 'rootwatch', 'baseline', 'ratio', 'target', ''],
    ...lines.map((line) => [
      line.name,
      line.value,
      line.baseline,
      line.ratio.toFixed(2),
      line.target || '(reference)',
      line.target ? (line.met ? 'met' : 'MISSED') : '',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    console.log(
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd()}`,
    );
};

const perSecond = (count: number, seconds: number): string =>
  `${Math.round(count / seconds).toLocaleString('en-US')}/s`;

export { printTable, perSecond };
export type { BenchLine };
