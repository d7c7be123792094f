/** Where an input came from: a file (or `-`), the line of a JSON Lines file, the index in `Records[]`. */
interface InputPosition {
  file: string;
  line?: number;
  record?: number;
}

/** One record or envelope read from the inputs, or the reason a piece of input could not be read. */
type InputItem =
  | { kind: 'value'; position: InputPosition; value: unknown }
  | { kind: 'unreadable'; position: InputPosition; reason: string };

const describePosition = ({ file, line, record }: InputPosition): string =>
  [file, line === undefined ? '' : `line ${line}`, record === undefined ? '' : `record ${record}`]
    .filter(Boolean)
    .join(': ');

export { describePosition };
export type { InputItem, InputPosition };
