// @ts-check
// The parts of rootwatch and the arrows allowed between them (ARCHITECTURE.md draws them). One
// source for the lint rules (eslint.config.js) and for the test that tries every forbidden arrow
// (test/lint/import-boundaries.test.ts).

/**
 * @typedef {object} Layer
 * @property {string} folder       where its files live
 * @property {string} holds        what it is, in a few words
 * @property {string[]} uses       the parts it may import code from
 * @property {string[]} [typesFrom] parts it may import types (ports) from, and no code
 * @property {boolean} [pure]      no AWS, no logging, no I/O, no environment
 * @property {boolean} [aws]       may import the AWS SDK
 */

/** @type {Layer[]} */
const LAYERS = [
  { folder: 'schemas', holds: 'zod contracts of every input and output', uses: [], pure: true },
  {
    folder: 'detection',
    holds: 'the classifier: credential and activity rules, severity, controls, suppression, the rule pattern',
    uses: ['schemas'],
    pure: true,
  },
  {
    folder: 'findings',
    holds: 'the catalogue of finding kinds, finding formats (OCSF, ASFF, text) and notifications',
    uses: ['schemas', 'detection'],
    pure: true,
  },
  {
    folder: 'incidents',
    holds: 'grouping findings into root sessions, with its store port; suppress-then-track',
    uses: ['schemas', 'detection'],
    pure: true,
  },
  {
    folder: 'posture',
    holds: 'the CIS root posture audit of credential reports, and its notifications',
    uses: ['schemas', 'detection', 'findings'],
    pure: true,
  },
  {
    folder: 'scan',
    holds: 'the archive scan engine, completeness planning and fleet figures',
    uses: ['schemas', 'detection', 'findings', 'incidents', 'posture'],
  },
  {
    folder: 'adapters',
    holds: 'AWS and local sinks and sources behind small interfaces',
    uses: ['schemas', 'scan'],
    typesFrom: ['detection', 'findings', 'incidents', 'posture'],
    aws: true,
  },
  {
    folder: 'handlers',
    holds: 'Lambda entry points: makeHandler(deps) and a composition root per function',
    uses: ['schemas', 'detection', 'findings', 'incidents', 'posture', 'scan', 'adapters'],
  },
  {
    folder: 'cli',
    holds: 'the rootwatch command',
    uses: ['schemas', 'detection', 'findings', 'incidents', 'posture', 'scan', 'adapters', 'handlers'],
  },
  {
    folder: 'infra',
    holds: 'the CDK constructs, stacks and app (no business logic)',
    uses: ['schemas'],
  },
];

/** Files of `detection/` that infra may import: event patterns are data, defined once for CDK and replay. */
const INFRA_PATTERN_FILES = ['detection/rule-pattern.ts', 'detection/tampering-pattern.ts'];

/** The files that build AWS clients besides adapters/: the composition roots. */
const AWS_COMPOSITION_ROOTS = ['handlers/*/aws-deps.ts'];

export { LAYERS, INFRA_PATTERN_FILES, AWS_COMPOSITION_ROOTS };
