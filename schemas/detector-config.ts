import * as z from 'zod/mini';
import './zod-english.ts';
import { ActivitySchema, CredentialSchema, OutcomeSchema, SeveritySchema } from './finding-enums.ts';
import { ProtectedResourcesSchema } from './protected-resources.ts';

/** CIS AWS Foundations Benchmark versions whose root recommendations rootwatch can cite (DOMAIN.md §7.1). */
const CIS_VERSIONS = [
  '1.2.0',
  '1.3.0',
  '1.4.0',
  '1.5.0',
  '2.0.0',
  '3.0.0',
  '4.0.0',
  '5.0.0',
  '6.0.0',
  '7.0.0',
] as const;
const CisVersionSchema = z.enum(CIS_VERSIONS);

const nonEmptyList = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(item).check(z.minLength(1)));

/**
 * When a severity override applies. Every listed field must match (AND); within a field, any
 * value may match (OR). `defaultSeverities` matches what the built-in policy decided.
 */
const SeverityOverrideMatchSchema = z.strictObject({
  accounts: nonEmptyList(z.string()),
  credentials: nonEmptyList(CredentialSchema),
  activities: nonEmptyList(ActivitySchema),
  outcomes: nonEmptyList(OutcomeSchema),
  eventSources: nonEmptyList(z.string()),
  eventNames: nonEmptyList(z.string()),
  defaultSeverities: nonEmptyList(SeveritySchema),
});

/** A user rule that replaces the default severity. The first matching override wins. */
const SeverityOverrideSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'use lower-case words joined by "-"' })),
  severity: SeveritySchema,
  reason: z.string().check(z.minLength(1)),
  match: SeverityOverrideMatchSchema,
});

/**
 * Detector settings, as a JSON file (`rootwatch classify --config FILE`). Strict: a misspelt key
 * is an error, not a silently ignored setting. `protectedResources`: rootwatch's own resources, whose
 * tampering by anyone is a finding; the Rootwatch stack outputs its whole config as `DetectorConfig`.
 * @example
 * { "cisVersions": ["3.0.0", "5.0.0"],
 *   "severityOverrides": [{ "id": "sandbox-root-reads", "severity": "low", "reason": "SEC-123",
 *     "match": { "accounts": ["111122223333"], "activities": ["api-call"] } }],
 *   "protectedResources": { "logGroups": ["/rootwatch/records"] } }
 */
const DetectorConfigSchema = z.strictObject({
  cisVersions: z._default(z.array(CisVersionSchema).check(z.minLength(1)), ['3.0.0']),
  severityOverrides: z._default(z.array(SeverityOverrideSchema), []),
  protectedResources: z.optional(ProtectedResourcesSchema),
});

type CisVersion = z.infer<typeof CisVersionSchema>;
type SeverityOverride = z.infer<typeof SeverityOverrideSchema>;
type DetectorConfig = z.infer<typeof DetectorConfigSchema>;
type DetectorConfigInput = z.input<typeof DetectorConfigSchema>;

export { CIS_VERSIONS, CisVersionSchema, SeverityOverrideSchema, DetectorConfigSchema };
export type { CisVersion, SeverityOverride, DetectorConfig, DetectorConfigInput };
