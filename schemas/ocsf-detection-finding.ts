import * as z from 'zod/mini';
import './zod-english.ts';

/** The OCSF schema version rootwatch writes. */
const OCSF_VERSION = '1.4.0';

const text = z.string().check(z.minLength(1));

/** `severity_id`: 0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal, 99 Other. */
const OCSF_SEVERITY_IDS = [0, 1, 2, 3, 4, 5, 6, 99] as const;

/**
 * The attributes of the Evidence Artifacts object of which at least one must be present (its
 * `at_least_one` constraint).
 * @see https://schema.ocsf.io/objects/evidences
 */
const EVIDENCE_ATTRIBUTES = [
  'actor',
  'api',
  'connection_info',
  'data',
  'database',
  'databucket',
  'device',
  'dst_endpoint',
  'email',
  'file',
  'process',
  'query',
  'resources',
  'src_endpoint',
  'url',
  'user',
  'job',
  'script',
] as const;

const EvidenceSchema = z.looseObject({}).check(
  z.refine((evidence) => EVIDENCE_ATTRIBUTES.some((key) => evidence[key] !== undefined), {
    error: `an evidence needs one of ${EVIDENCE_ATTRIBUTES.join(', ')}`,
  }),
);

/**
 * The required attributes of an OCSF Detection Finding (class 2004, category 2 Findings), checked
 * exactly: the classification ids and their `type_uid` (`class_uid * 100 + activity_id`),
 * `severity_id`, `time` (milliseconds since the epoch), `metadata` with the schema `version` and the
 * `product` name, `finding_info.uid`; the cloud profile's `cloud.provider` when the profile is
 * declared; and the evidence constraint. Everything else is tolerated, as OCSF consumers do.
 * @see https://schema.ocsf.io/1.4.0/classes/detection_finding
 */
const OcsfDetectionFindingSchema = z
  .looseObject({
    class_uid: z.literal(2004),
    category_uid: z.literal(2),
    activity_id: z.literal([0, 1, 2, 3, 99]),
    type_uid: z.int(),
    severity_id: z.literal([...OCSF_SEVERITY_IDS]),
    time: z.int().check(z.nonnegative()),
    metadata: z.looseObject({
      version: z.string().check(z.regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/, { error: 'expected a SemVer version' })),
      product: z.looseObject({ name: text }),
      profiles: z.optional(z.array(z.string())),
    }),
    finding_info: z.looseObject({ uid: text }),
    cloud: z.optional(z.looseObject({ provider: text })),
    evidences: z.optional(z.array(EvidenceSchema).check(z.minLength(1))),
  })
  .check(
    z.refine((finding) => finding.type_uid === finding.class_uid * 100 + finding.activity_id, {
      error: 'type_uid must be class_uid * 100 + activity_id',
      path: ['type_uid'],
    }),
    z.refine((finding) => !finding.metadata.profiles?.includes('cloud') || finding.cloud !== undefined, {
      error: 'the cloud profile requires cloud.provider',
      path: ['cloud'],
    }),
  );

type OcsfDetectionFinding = z.infer<typeof OcsfDetectionFindingSchema>;

export { OcsfDetectionFindingSchema, OCSF_VERSION, OCSF_SEVERITY_IDS, EVIDENCE_ATTRIBUTES };
export type { OcsfDetectionFinding };
