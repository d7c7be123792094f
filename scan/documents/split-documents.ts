import type { InputItem, InputPosition } from './input-item.ts';

/**
 * One JSON document becomes the items it holds: the records of a CloudTrail log file
 * (`{"Records": [...]}`), the elements of a JSON array, or the document itself (a record or an
 * EventBridge envelope). A log file whose `Records` is not an array is reported, not guessed at.
 */
const itemsOfDocument = (document: unknown, position: InputPosition): InputItem[] => {
  const records =
    typeof document === 'object' && document !== null && !Array.isArray(document) && 'Records' in document
      ? (document as { Records: unknown }).Records
      : Array.isArray(document)
        ? document
        : undefined;
  if (records === undefined) return [{ kind: 'value', position, value: document }];
  if (!Array.isArray(records)) {
    return [{ kind: 'unreadable', position, reason: 'Records: expected an array of CloudTrail records' }];
  }
  return records.map((value, record) => ({ kind: 'value', position: { ...position, record }, value }));
};

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
};

/**
 * The items in a file's text: one JSON document (record, envelope, log file, array), or JSON Lines
 * of those (CloudTrail Lake and Athena exports). A bad line is reported and the others still read.
 */
const splitDocuments = (text: string, file: string): InputItem[] => {
  const whole = parseJson(text);
  if (whole.ok) return itemsOfDocument(whole.value, { file });
  const lines = text.split('\n');
  if (lines.filter((line) => line.trim()).length < 2) {
    return [{ kind: 'unreadable', position: { file }, reason: whole.reason }];
  }
  return lines.flatMap((line, index): InputItem[] => {
    if (!line.trim()) return [];
    const position = { file, line: index + 1 };
    const parsed = parseJson(line);
    return parsed.ok
      ? itemsOfDocument(parsed.value, position)
      : [{ kind: 'unreadable', position, reason: parsed.reason }];
  });
};

export { splitDocuments, itemsOfDocument };
