// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { AWS_COMPOSITION_ROOTS, INFRA_PATTERN_FILES, LAYERS } from './layers.config.js';

const SOURCES = '**/*.{ts,mts,js,mjs}';
const FOLDERS = LAYERS.map((layer) => layer.folder);

/** The import specifiers that reach into a top-level folder, from anywhere below the root. */
const into = (/** @type {string} */ folder) => [`**/${folder}/**`];

/** zod's classic API costs about 30 ms more at cold start than zod/mini (docs/speed.md). */
const classicZod = ['zod', 'zod/v4', 'zod/v4/classic'].map((name) => ({
  name,
  message: 'Use zod/mini: the Lambda bundle imports every schema (docs/speed.md).',
}));

const AWS_SDK = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'AWS clients live in adapters/ and composition roots (ARCHITECTURE.md).',
};
const CDK = { group: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'], message: 'Only infra/ uses the CDK.' };
const PURE = [
  AWS_SDK,
  { group: ['pino', 'pino/*'], message: 'The pure core does not log; return values instead.' },
  { group: ['node:*', 'fs', 'path', 'os', 'zlib', 'child_process'], message: 'The pure core does no I/O.' },
];

/** One restricted-import pattern per forbidden arrow out of `layer`, each naming the arrow. */
const forbiddenArrows = (/** @type {import('./layers.config.js').Layer} */ layer) =>
  FOLDERS.filter((folder) => folder !== layer.folder && !layer.uses.includes(folder)).flatMap((folder) => {
    const message = `${layer.folder}/ may not import ${folder}/ (ARCHITECTURE.md).`;
    const exceptions = layer.folder === 'infra' && folder === 'detection' ? INFRA_PATTERN_FILES : [];
    const group = [...into(folder), ...exceptions.map((file) => `!**/${file}`)];
    return layer.typesFrom?.includes(folder)
      ? [{ group, message: `${message} Types (ports) only.`, allowTypeImports: true }]
      : [{ group, message }];
  });

const layerRules = LAYERS.map((layer) => ({
  files: [`${layer.folder}/${SOURCES}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: classicZod,
        patterns: [
          ...forbiddenArrows(layer),
          ...(layer.pure ? PURE : layer.aws ? [] : [AWS_SDK]),
          ...(layer.folder === 'infra' ? [] : [CDK]),
        ],
      },
    ],
    ...(layer.pure && {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The pure core reads no environment: take config as an argument.' },
      ],
    }),
  },
}));

/** A composition root may build AWS clients: the same arrows as its folder, without the SDK ban. */
const compositionRoots = AWS_COMPOSITION_ROOTS.map((glob) => {
  const layer = LAYERS.find((candidate) => glob.startsWith(`${candidate.folder}/`));
  if (!layer) throw new Error(`no layer holds ${glob}`);
  return {
    files: [glob],
    rules: {
      'no-restricted-imports': ['error', { paths: classicZod, patterns: [...forbiddenArrows(layer), CDK] }],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'coverage/', '.bench/', 'build/wasm/*.wat'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', globalThis: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...layerRules,
  ...compositionRoots,
  {
    // The library's face (`rootwatch`): the pure parts, as a consumer imports them.
    files: ['index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: classicZod,
          patterns: [
            ...['scan', 'adapters', 'handlers', 'cli', 'infra'].map((folder) => ({
              group: [`./${folder}/**`],
              message: `The library face exports the pure core only, not ${folder}/ (ARCHITECTURE.md).`,
            })),
            ...PURE,
            CDK,
          ],
        },
      ],
    },
  },
);
