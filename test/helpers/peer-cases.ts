import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from './paths.ts';

/** One line of ../shared/peer-cases/peer_cases.jsonl (see its README). */
interface PeerCase {
  source: string;
  peer: string;
  rule: string;
  expected: boolean;
  test_name: string;
  relevance: 'core_root_or_console_rule' | 'root_or_console_event_in_other_rule';
  event: Record<string, unknown>;
  event_sha1: string;
  eventbridge_envelope?: Record<string, unknown>;
}

const readJsonLines = <T>(file: string): T[] =>
  readFileSync(join(SHARED_DIR, 'peer-cases', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);

const readPeerCases = (): PeerCase[] => readJsonLines<PeerCase>('peer_cases.jsonl');

/** `panther AWS.Root.Activity: Root Read-Only Enumeration`: how waivers name a case. */
const peerCaseName = (peerCase: PeerCase): string =>
  `${peerCase.peer} ${peerCase.rule}: ${peerCase.test_name}`;

export { readPeerCases, readJsonLines, peerCaseName };
export type { PeerCase };
