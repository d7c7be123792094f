/** One inline link of a Markdown file: its target as written and the line it is on. */
interface MarkdownLink {
  target: string;
  line: number;
}

/** The text outside fenced code blocks, line by line (a fence's lines become empty: numbers stay true). */
const proseLines = (text: string): string[] => {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
};

/** Inline links and images, `[text](target)` and `[text](target "title")`, outside fenced code. */
const markdownLinks = (text: string): MarkdownLink[] =>
  proseLines(text).flatMap((line, index) =>
    [...line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => ({
      target: match[1]!,
      line: index + 1,
    })),
  );

/**
 * GitHub's anchor for a heading: lower case, markup and punctuation other than `-` and `_` dropped,
 * spaces turned into hyphens; a repeated heading gets `-1`, `-2`, ….
 * @see https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#section-links
 */
const headingAnchors = (text: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
};

/** The rows of the first table after the heading `heading`, each as its trimmed cells. */
const tableAfter = (text: string, heading: string): string[][] => {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) return [];
  const table = lines.slice(start + 1).findIndex((line) => line.startsWith('|'));
  if (table === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1 + table)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, line.lastIndexOf('|'))
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  // The header and its separator row are not data.
  return rows.slice(2);
};

export { markdownLinks, headingAnchors, tableAfter };
export type { MarkdownLink };
