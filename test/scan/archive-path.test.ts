import { describe, expect, it } from 'vitest';
import { archivePathParser, parseArchivePath } from '../../scan/archive-path.ts';

const DAY = 'bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/05';
const ORG_DAY = 'AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/02/28';

describe('Scan: the listing parses paths as parseArchivePath does, one day folder at a time', () => {
  it.each([
    {
      scenario: 'objects of one day folder, then of the next day and of an organisation trail',
      paths: [
        `${DAY}/a.json.gz`,
        `${DAY}/b.json.gz`,
        `${DAY}/20260105.json.gz`,
        'bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/06/a.json.gz',
        `${ORG_DAY}/x.json.gz`,
        `${ORG_DAY}/y.json.gz`,
      ],
    },
    {
      scenario: 'a name all digits at the day position, then a name that is no day in the same folder',
      paths: [
        'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/05',
        'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/x.json.gz',
        'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/07',
      ],
    },
    {
      scenario: 'objects at shallow layout positions (under AWSLogs, an account, a Region)',
      paths: [
        'AWSLogs/a.json.gz',
        'AWSLogs/b.json.gz',
        'AWSLogs/111122223333/c.json.gz',
        'AWSLogs/111122223333/CloudTrail/eu-west-1/d.json.gz',
        'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/e.json.gz',
      ],
    },
    {
      scenario: 'folders between the objects of a day, and a folder inside a day folder',
      paths: [
        `${DAY}/a.json.gz`,
        DAY,
        `${DAY}/b.json.gz`,
        `${DAY}/deeper`,
        `${DAY}/deeper/c.json.gz`,
        `${DAY}/c.json.gz`,
      ],
    },
    {
      scenario: 'paths outside the layout, and a path that only starts like a day folder',
      paths: ['logs/a.json.gz', `${DAY}/a.json.gz`, `${DAY}x/b.json.gz`, `${DAY}/b.json.gz`, 'plain.json'],
    },
  ])('$scenario', ({ paths }) => {
    // Prepare: one parser for the whole listing, as a walk uses it.
    const parse = archivePathParser();
    // Run
    const parsed = paths.map((path) => parse(path));
    // Assert
    expect(parsed).toEqual(paths.map((path) => parseArchivePath(path)));
  });
});
