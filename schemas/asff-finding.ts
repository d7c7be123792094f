import * as z from 'zod/mini';
import './zod-english.ts';

/** The namespaces of the ASFF `Types` taxonomy (`namespace/category/classifier`). */
const ASFF_TYPE_NAMESPACES = [
  'Software and Configuration Checks',
  'TTPs',
  'Effects',
  'Unusual Behaviors',
  'Sensitive Data Identifications',
] as const;

const ASFF_SEVERITY_LABELS = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** Security Hub refuses a finding over 240 KB. */
const MAX_ASFF_FINDING_BYTES = 240 * 1024;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** ASFF timestamps are RFC 3339 date-times (ISO 8601 with a `Z` or an offset). */
const timestamp = z.iso.datetime({ offset: true });

const AsffTypeSchema = text(512).check(
  z.refine(
    (type) => {
      const [namespace, ...rest] = type.split('/');
      return (ASFF_TYPE_NAMESPACES as readonly string[]).includes(namespace ?? '') && rest.length <= 2;
    },
    {
      error: `expected namespace[/category[/classifier]] with a namespace of ${ASFF_TYPE_NAMESPACES.join(', ')}`,
    },
  ),
);

/**
 * Every required top-level attribute of an AWS Security Finding Format finding, with the limits
 * Security Hub enforces on them (lengths, the `Types` namespaces, the severity labels, at most 32
 * resources, 240 KB in all). Other attributes are tolerated.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format-type-taxonomy.html
 */
const AsffFindingSchema = z
  .looseObject({
    SchemaVersion: z.literal('2018-10-08'),
    Id: text(512),
    ProductArn: z.string().check(
      z.regex(/^arn:aws[a-z-]*:securityhub:[a-z0-9-]+:(\d{12})?:product\/[\w.-]+\/[\w.-]+$/, {
        error: 'expected a Security Hub product ARN',
      }),
    ),
    GeneratorId: text(512),
    AwsAccountId: z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account id' })),
    Types: z.array(AsffTypeSchema).check(z.minLength(1), z.maxLength(50)),
    CreatedAt: timestamp,
    UpdatedAt: timestamp,
    Severity: z.looseObject({ Label: z.enum(ASFF_SEVERITY_LABELS) }),
    Title: text(256),
    Description: text(1024),
    Resources: z
      .array(z.looseObject({ Type: text(256), Id: text(512) }))
      .check(z.minLength(1), z.maxLength(32)),
  })
  .check(
    z.refine((finding) => Date.parse(finding.UpdatedAt) >= Date.parse(finding.CreatedAt), {
      error: 'UpdatedAt cannot be before CreatedAt',
      path: ['UpdatedAt'],
    }),
    z.refine(
      (finding) => new TextEncoder().encode(JSON.stringify(finding)).length <= MAX_ASFF_FINDING_BYTES,
      {
        error: 'a finding is at most 240 KB',
      },
    ),
  );

type AsffFinding = z.infer<typeof AsffFindingSchema>;
type AsffSeverityLabel = (typeof ASFF_SEVERITY_LABELS)[number];

export { AsffFindingSchema, ASFF_TYPE_NAMESPACES, ASFF_SEVERITY_LABELS, MAX_ASFF_FINDING_BYTES };
export type { AsffFinding, AsffSeverityLabel };
