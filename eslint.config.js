// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries of our layout (STYLE.md): arrows point one way, the core stays pure. */
const layer = (/** @type {string[]} */ forbiddenFolders) =>
  forbiddenFolders.map((folder) => ({
    group: [`**/${folder}/**`, `../${folder}/*`, `../../${folder}/*`],
    message: `This layer may not import from ${folder}/ (see STYLE.md, "Our layout").`,
  }));

/** zod's classic API costs about 30 ms more at cold start than zod/mini (README, "Speed"). */
const classicZod = ['zod', 'zod/v4', 'zod/v4/classic'].map((name) => ({
  name,
  message: 'Use zod/mini: the Lambda bundle imports every schema (README, "Speed").',
}));

const pureCore = {
  'no-restricted-imports': [
    'error',
    {
      paths: classicZod,
      patterns: [
        {
          group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
          message: 'The pure core has no AWS imports.',
        },
        { group: ['pino', 'pino/*'], message: 'The pure core does not log; return values instead.' },
        {
          group: ['node:*', 'fs', 'path', 'os', 'zlib', 'child_process'],
          message: 'The pure core does no I/O.',
        },
        ...layer(['sinks', 'scan', 'handlers', 'cli', 'infra']),
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'The pure core reads no environment: take config as an argument.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['detection/**/*.ts'], rules: pureCore },
  {
    files: ['schemas/**/*.ts'],
    rules: {
      ...pureCore,
      'no-restricted-imports': [
        'error',
        {
          patterns: [...pureCore['no-restricted-imports'][1].patterns, ...layer(['detection'])],
          paths: classicZod,
        },
      ],
    },
  },
  {
    files: ['sinks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: classicZod,
          patterns: [
            ...layer(['handlers', 'cli', 'infra']),
            // A sink may implement a port the core declares (a type), never run core code.
            ...layer(['detection']).map((pattern) => ({ ...pattern, allowTypeImports: true })),
          ],
        },
      ],
    },
  },
  {
    // The archive scan core: used by cli/ and by a scheduled function in handlers/, so it imports neither.
    files: ['scan/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: classicZod, patterns: layer(['handlers', 'cli', 'infra']) },
      ],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: classicZod, patterns: layer(['cli', 'infra']) }] },
  },
  {
    // The CLI's replay runs the real handler factory, so cli/ may import handlers/ (never the reverse).
    files: ['cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: classicZod, patterns: layer(['infra']) }] },
  },
  {
    // Infra takes the rule pattern from detection/ (defined once, shared with the local matcher) and
    // nothing else from it: deciding is the function's job, never the stack's.
    files: ['infra/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: classicZod,
          patterns: [
            ...layer(['sinks', 'scan', 'handlers', 'cli']),
            {
              group: ['**/detection/**', '!**/detection/rule-pattern.ts'],
              message: 'infra/ imports only the rule pattern from detection/ (see STYLE.md, "Our layout").',
            },
          ],
        },
      ],
    },
  },
);
