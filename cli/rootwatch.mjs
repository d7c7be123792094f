#!/usr/bin/env node
// The `rootwatch` command. The CLI is TypeScript, run through tsx so that `npx rootwatch` works right
// after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
