import * as z from 'zod/mini';
import './zod-english.ts';

import {
  DEFAULT_MAX_OBJECT_MB,
  DEFAULT_OBJECT_TIMEOUT_SECONDS,
  MAX_OBJECT_MB,
} from './read-option-defaults.ts';

const MaxObjectMbSchema = z._default(
  z.int().check(z.minimum(1), z.maximum(MAX_OBJECT_MB, { error: `at most ${MAX_OBJECT_MB} (MiB)` })),
  DEFAULT_MAX_OBJECT_MB,
);
const ObjectTimeoutSecondsSchema = z._default(
  z.int().check(z.minimum(1), z.maximum(86_400)),
  DEFAULT_OBJECT_TIMEOUT_SECONDS,
);

export {
  DEFAULT_MAX_OBJECT_MB,
  MAX_OBJECT_MB,
  DEFAULT_OBJECT_TIMEOUT_SECONDS,
  MaxObjectMbSchema,
  ObjectTimeoutSecondsSchema,
};
