import type { InputItem } from '../../scan/documents/input-item.ts';

/** The column of `rootwatch sql`'s Athena query that holds each record as JSON (cli/sql/record-json.ts). */
const RECORD_COLUMN = 'record';

/**
 * The rows of an RFC 4180 CSV text, with the line each starts on: fields separated by commas,
 * quoted with `"` when they hold commas, quotes (doubled) or line breaks, as Athena writes its
 * results. Ends of lines are LF or CRLF.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying-finding-output-files.html ("DML query results files are saved in comma-separated values (CSV) format", `QueryID.csv`)
 */
const csvRows = (text: string): { line: number; fields: string[] }[] => {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[at + 1] === '\n')) {
      if (char === '\r') at += 1;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) rows.push({ line: rowLine, fields: [...fields, field] });
  return rows;
};

/** Engine exports write absent fields as null: dropped, as the log file never had them. */
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null)
      .map(([key, member]) => [key, withoutNulls(member)]),
  );
};

const recordItem = (text: string | undefined, file: string, line: number): InputItem => {
  if (text === undefined || text === '')
    return { kind: 'unreadable', position: { file, line }, reason: `no ${RECORD_COLUMN} in this row` };
  try {
    return { kind: 'value', position: { file, line }, value: withoutNulls(JSON.parse(text)) };
  } catch (error) {
    return {
      kind: 'unreadable',
      position: { file, line },
      reason: `${RECORD_COLUMN}: invalid JSON: ${(error as Error).message}`,
    };
  }
};

const firstLine = (text: string): string => text.slice(0, text.search(/\r?\n|$/));

/**
 * Whether a text is the results of `rootwatch sql` exported from the engine: a CSV whose header
 * has a `record` column (Athena's results file, or the console's download), or JSON Lines of
 * objects whose first member is `record`.
 */
const isEngineExport = (text: string): boolean => {
  const start = text.trimStart();
  // Not parsed here: a log file is one line of megabytes. An export row starts with its record.
  if (start.startsWith('{')) return new RegExp(`^\\{\\s*"${RECORD_COLUMN}"\\s*:`).test(start);
  if (start.startsWith('[')) return false;
  const header = csvRows(firstLine(start))[0]?.fields ?? [];
  return header.includes(RECORD_COLUMN);
};

/**
 * The records of an engine export (see `isEngineExport`), one item per row, positioned by line;
 * a row whose record is missing or not JSON is reported, and the others still read.
 */
const engineExportItems = (text: string, file: string): InputItem[] => {
  const start = text.trimStart();
  const skipped = text.length - start.length;
  const lineOffset = text.slice(0, skipped).split('\n').length - 1;
  if (start.startsWith('{')) {
    return start.split('\n').flatMap((row, index): InputItem[] => {
      if (!row.trim()) return [];
      const line = lineOffset + index + 1;
      try {
        const member = (JSON.parse(row) as Record<string, unknown>)[RECORD_COLUMN];
        return [
          typeof member === 'string'
            ? recordItem(member, file, line)
            : member && typeof member === 'object'
              ? { kind: 'value', position: { file, line }, value: withoutNulls(member) }
              : recordItem(undefined, file, line),
        ];
      } catch (error) {
        return [
          {
            kind: 'unreadable',
            position: { file, line },
            reason: `invalid JSON: ${(error as Error).message}`,
          },
        ];
      }
    });
  }
  const [header, ...rows] = csvRows(start);
  const column = header!.fields.indexOf(RECORD_COLUMN);
  return rows.map(({ line, fields }) => recordItem(fields[column], file, lineOffset + line));
};

export { isEngineExport, engineExportItems, csvRows };
