import { describe, expect, it } from 'vitest';
import { auditRoot, AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { readCredentialReport } from '../../posture/read-credential-report.ts';
import type { PostureStatus } from '../../schemas/posture-result.ts';
import {
  peerPostureCaseName,
  peerPostureInput,
  readPeerPostureCases,
} from '../helpers/posture-peer-cases.ts';
import type { PeerPostureCase } from '../helpers/posture-peer-cases.ts';
import { PEER_POSTURE_CHECKS, PEER_POSTURE_WAIVERS } from './posture-peer-case-waivers.ts';

/** A peer's NO_FINDING means its check does not apply: rootwatch's `skipped`. */
const EXPECTED: Record<PeerPostureCase['expected_status'], PostureStatus> = {
  PASS: 'pass',
  FAIL: 'fail',
  NO_FINDING: 'skipped',
};

const verdictOf = (peerCase: PeerPostureCase) => {
  const check = PEER_POSTURE_CHECKS[peerCase.check];
  if (typeof check !== 'string') throw new Error(`${peerCase.check} is not implemented`);
  const { csv, facts, asOf } = peerPostureInput(peerCase);
  const read = readCredentialReport(csv);
  if (!read.ok) return { status: 'invalid', detail: JSON.stringify(read.problems) };
  const result = auditRoot(read.report, { at: asOf, source: 'given' }, AUDIT_DEFAULTS, facts).find(
    (candidate) => candidate.check === check,
  )!;
  return { status: result.status, detail: result.detail };
};

const cases = readPeerPostureCases();
const implemented = cases.filter((peerCase) => typeof PEER_POSTURE_CHECKS[peerCase.check] === 'string');
const waived = new Set(PEER_POSTURE_WAIVERS.map((waiver) => waiver.name));

describe('Peer cases: ../shared/peer-cases/peer_posture_cases.jsonl', () => {
  it('maps every peer check to a rootwatch check or to the reviewed list of checks not implemented', () => {
    expect(
      cases.map((peerCase) => peerCase.check).filter((check) => !(check in PEER_POSTURE_CHECKS)),
    ).toStrictEqual([]);
  });

  it.each(implemented.map((peerCase) => ({ name: peerPostureCaseName(peerCase), peerCase })))(
    '$name',
    ({ name, peerCase }) => {
      // Act
      const verdict = verdictOf(peerCase);
      const agrees = verdict.status === EXPECTED[peerCase.expected_status];

      // Assess
      if (waived.has(name)) {
        expect(agrees, `waived case ${name} now agrees: remove its waiver`).toBe(false);
      } else {
        expect({ agrees, ...verdict }, `peer expected ${peerCase.expected_status}`).toMatchObject({
          agrees: true,
        });
      }
    },
  );

  it('runs no case of the peer checks rootwatch does not implement, and says how many there are', () => {
    // Act
    const counts: Record<string, number> = {};
    for (const { check } of cases.filter((peerCase) => !implemented.includes(peerCase))) {
      counts[check] = (counts[check] ?? 0) + 1;
    }

    // Assess
    expect(counts).toStrictEqual({
      cloudwatch_log_metric_filter_root_usage: 7,
    });
    expect(implemented).toHaveLength(39);
  });

  it('waives only cases of implemented checks that exist', () => {
    const names = new Set(implemented.map(peerPostureCaseName));
    expect(
      PEER_POSTURE_WAIVERS.map((waiver) => waiver.name).filter((name) => !names.has(name)),
    ).toStrictEqual([]);
  });

  it('lists only peer checks that have cases', () => {
    const checks = new Set(cases.map((peerCase) => peerCase.check));
    expect(Object.keys(PEER_POSTURE_CHECKS).filter((check) => !checks.has(check))).toStrictEqual([]);
  });
});
