import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from '../../schemas/closest-name.ts';

const FLAGS = ['--json', '--format', '--fail-on', '--summary', '--alert-min-severity', '--help'];

describe('Closest name: the "did you mean" of commands, flags and deploy settings', () => {
  it.each([
    { typed: '--jsn', closest: '--json' },
    { typed: '--JSON', closest: '--json' },
    { typed: '--formt', closest: '--format' },
    { typed: '--failon', closest: '--fail-on' },
    { typed: '--summery', closest: '--summary' },
    { typed: '--alert-min', closest: '--alert-min-severity' },
    { typed: '--zzzzzzzz', closest: undefined },
    { typed: '-x', closest: undefined },
    { typed: '--', closest: undefined },
  ])('$typed: $closest', ({ typed, closest }) => {
    expect(closestName(typed, FLAGS)).toBe(closest);
  });

  it.each([
    { typed: 'clasify', names: ['classify', 'scan'], text: ' (did you mean classify?)' },
    { typed: 'alertEmail', names: ['alertEmails', 'operationsEmails'], text: ' (did you mean alertEmails?)' },
    { typed: 'frobnicate', names: ['classify', 'scan'], text: '' },
  ])('words $typed as "$text"', ({ typed, names, text }) => {
    expect(didYouMean(typed, names)).toBe(text);
  });

  it.each([
    { a: 'scan', b: 'scan', edits: 0 },
    { a: 'scna', b: 'scan', edits: 2 },
    { a: 'audti', b: 'audit', edits: 2 },
    { a: '', b: 'sql', edits: 3 },
    { a: 'kitten', b: 'sitting', edits: 3 },
  ])('counts $edits edits from $a to $b', ({ a, b, edits }) => {
    expect(editDistance(a, b)).toBe(edits);
  });
});
