const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML or SVG, as content or as a quoted attribute value. */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** Markup already escaped or built by these helpers; plain strings passed to `html` are escaped. */
class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Interpolated = Markup | string | number | readonly Markup[] | null | undefined;

/**
 * A template tag that escapes every interpolated string and number, and inserts `Markup` (and
 * arrays of it) as is: the report's pages cannot be broken, or scripted, by what a record says.
 */
const html = (strings: TemplateStringsArray, ...values: Interpolated[]): Markup =>
  new Markup(
    strings.reduce((out, part, index) => {
      if (index === 0) return part;
      const value = values[index - 1];
      const text =
        value === null || value === undefined
          ? ''
          : value instanceof Markup
            ? value.text
            : Array.isArray(value)
              ? value.map((item: Markup) => item.text).join('')
              : escapeHtml(String(value));
      return out + text + part;
    }, ''),
  );

export { html, escapeHtml, Markup };
export type { Interpolated };
