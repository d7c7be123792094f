/** Plain-text layout for emails: paragraphs wrapped at a width, labelled fields, lists. */

const WIDTH = 76;

/** Words of `text` in lines of at most `width` characters (a longer word, such as a URL, stays whole). */
const wrapWords = (text: string, width = WIDTH): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
};

const LABEL_WIDTH = 13;

/** `  Label        value`, the value wrapped under itself. */
const field = (label: string, value: string): string[] =>
  wrapWords(value, WIDTH - 2 - LABEL_WIDTH).map(
    (line, index) => `  ${(index === 0 ? label : '').padEnd(LABEL_WIDTH)}${line}`,
  );

/** Items marked `- ` (or numbered), each wrapped with a hanging indent. */
const list = (items: readonly string[], numbered = false): string[] =>
  items.flatMap((item, index) => {
    const marker = numbered ? `${index + 1}. ` : '- ';
    return wrapWords(item, WIDTH - 2 - marker.length).map(
      (line, lineIndex) => `  ${lineIndex === 0 ? marker : ' '.repeat(marker.length)}${line}`,
    );
  });

/** `3: a, b, c` or `7: a, b, c, d, e and 2 more`. */
const someOf = (values: readonly string[], shown = 5): string => {
  const head = values.slice(0, shown).join(', ');
  const more = values.length > shown ? ` and ${values.length - shown} more` : '';
  return `${values.length}${values.length ? `: ${head}${more}` : ''}`;
};

export { wrapWords, field, list, someOf, WIDTH };
