/**
 * Characters that a terminal, a mail client or a log viewer may act on instead of showing: the C0
 * controls (ESC starts ANSI and OSC sequences, `\r` rewrites the line, BEL, backspace), DEL, the C1
 * controls (U+009B is a one-byte CSI), the line and paragraph separators, and the bidirectional
 * overrides and isolates that reorder what is shown ("Trojan Source", CVE-2021-42574). Newline and
 * tab are matched too; `keepNewlines` leaves `\n`.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u0009\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escapeOne = (char: string): string => {
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  if (char === '\n') return '\\n';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
};

/**
 * Text with every control character written as an escape (`\u001b`, `\r`): what record fields can
 * carry never reaches a terminal, an email or a chat raw. The `\uXXXX` form is also JSON's, so a line
 * of JSON stays valid JSON with the same value. The one escaping function for text that leaves
 * rootwatch: the CLI's output and diagnostics, tables, `--format text`, notifications. Pure.
 */
const escapeControl = (text: string, { keepNewlines = false }: { keepNewlines?: boolean } = {}): string =>
  text.replace(CONTROL, (char) => (keepNewlines && char === '\n' ? char : escapeOne(char)));

export { escapeControl };
