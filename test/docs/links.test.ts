import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingAnchors, markdownLinks } from '../helpers/markdown.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The documentation a reader opens: the front door, the architecture page and every page of docs/. */
const PAGES = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The README stays the short front door (issue 13: about 250 lines). */
const README_MAX_LINES = 260;

const read = (page: string): string => readFileSync(join(REPO, page), 'utf8');

/**
 * What is wrong with one link of `page`, if anything: a target outside the repository (a reader of
 * the repository or of the npm package has nothing there), a file or folder that does not exist, or
 * an anchor that no heading of the target page makes. Web links are not fetched.
 */
const problemOf = (page: string, target: string): string | undefined => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return /^(https?|mailto):/i.test(target) ? undefined : 'not a web link nor a relative path';
  }
  const [path = '', anchor] = target.split('#');
  if (path.startsWith('/')) return 'an absolute path: links to files of the repository are relative';
  const file = path ? resolve(REPO, dirname(page), decodeURIComponent(path)) : join(REPO, page);
  const inside = relative(REPO, file);
  if (inside.startsWith('..') || inside.startsWith(sep)) return 'outside the repository';
  if (!existsSync(file)) return 'no such file or folder';
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return 'an anchor into something not Markdown';
  return headingAnchors(readFileSync(file, 'utf8')).has(anchor) ? undefined : `no heading makes #${anchor}`;
};

describe('Docs: links and the front door', () => {
  it.each(PAGES)('%s: every link points at a page, file or heading of the repository, or the web', (page) => {
    // Arrange
    const links = markdownLinks(read(page));

    // Act
    const broken = links.flatMap(({ target, line }) => {
      const problem = problemOf(page, target);
      return problem ? [`${page}:${line}: ${target}: ${problem}`] : [];
    });

    // Assess
    expect(links.length).toBeGreaterThan(0);
    expect(broken).toStrictEqual([]);
  });

  it.each([
    { target: '../shared/DOMAIN.md', problem: 'outside the repository' },
    { target: 'docs/no-such-page.md', problem: 'no such file or folder' },
    { target: 'docs/cli.md#no-such-heading', problem: 'no heading makes #no-such-heading' },
    { target: '/etc/passwd', problem: 'an absolute path: links to files of the repository are relative' },
    { target: 'file:///etc/passwd', problem: 'not a web link nor a relative path' },
    { target: 'docs/cli.md#rootwatch-scan', problem: undefined },
    { target: 'https://docs.aws.amazon.com/', problem: undefined },
  ])('the check itself: README link $target is $problem', ({ target, problem }) => {
    // Act
    const found = problemOf('README.md', target);

    // Assess
    expect(found).toBe(problem);
  });

  it(`README.md stays under ${README_MAX_LINES} lines and links every page of docs/ and ARCHITECTURE.md`, () => {
    // Arrange
    const readme = read('README.md');
    const targets = new Set(markdownLinks(readme).map(({ target }) => target.split('#')[0]));

    // Act
    const unlinked = PAGES.filter((page) => page !== 'README.md' && !targets.has(page));

    // Assess
    expect(readme.split('\n').length).toBeLessThan(README_MAX_LINES);
    expect(unlinked).toStrictEqual([]);
  });
});
