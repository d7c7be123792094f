import type { Finding, Incident, LateDetection, Suppression } from '../../schemas/finding.ts';
import { serviceOf } from '../../detection/record-fields.ts';

const wrap = (text: string, width: number, indent: string): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
};

/** MFA as words: `yes`, `no`, `not recorded`. */
const mfaText = (mfa: boolean | null): string => (mfa === null ? 'not recorded' : mfa ? 'yes' : 'no');

/** `1 finding`, `3 findings`. */
const counted = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** `incident <id>: 3 findings, 2 actions, 1 region, 1 source IP, <first> to <last>`. */
const incidentText = (incident: Incident): string =>
  `incident ${incident.id}: ${counted(incident.count, 'finding')}, ${counted(incident.actions.length, 'action')}, ` +
  `${counted(incident.regions.length, 'region')}, ${counted(incident.sourceIps.length, 'source IP')}, ` +
  `${incident.firstSeen} to ${incident.lastSeen}`;

/** `suppressed by <rule> until <expiry>: <reason>`. */
const suppressionText = (note: Suppression): string =>
  `suppressed by ${note.ruleId} until ${note.expires}: ${note.reason}`;

/** `found late: missed by the live path, found in the trail at <time> in <object>`. */
const lateDetectionText = (note: LateDetection): string =>
  `found late: missed by the live path, found in the trail at ${note.detectedAt} in ${note.object}`;

/**
 * A finding as a person reads it in a terminal or a chat message: severity and title, the key facts
 * on one line, the summary, the incident, suppression and late detection when the finding has them, and the
 * references that tie it back to CloudTrail and CIS.
 * @example
 * CRITICAL  Root console sign-in without MFA in 111122223333 from 192.0.2.0
 *   2022-11-10T16:24:34Z  us-east-1  credential password  activity sign-in  MFA no
 *   The root user of account 111122223333 signed in … review what the session did.
 *   event deb1e1f9-c99b-4612-8e9f-21f93b5d79c0  signin:ConsoleLogin  CIS 3.0.0 1.7, 1.5
 */
const findingText = (finding: Finding, width = 100): string => {
  const cis = [...new Set(finding.controls.map((control) => control.version))]
    .map(
      (version) =>
        `CIS ${version} ${finding.controls
          .filter((control) => control.version === version)
          .map((control) => control.id)
          .join(', ')}`,
    )
    .join('; ');
  return [
    `${finding.severity.toUpperCase().padEnd(8)}  ${finding.title}`,
    `  ${finding.time}  ${finding.region}  credential ${finding.credential}  activity ${finding.activity}  ` +
      `outcome ${finding.outcome}  MFA ${mfaText(finding.mfa)}`,
    ...wrap(finding.summary, width - 2, '  '),
    ...(finding.incident ? [`  ${incidentText(finding.incident)}`] : []),
    ...(finding.suppression ? [`  ${suppressionText(finding.suppression)}`] : []),
    ...(finding.lateDetection ? [`  ${lateDetectionText(finding.lateDetection)}`] : []),
    `  event ${finding.eventId}  ${serviceOf(finding.eventSource)}:${finding.eventName}${cis ? `  ${cis}` : ''}`,
  ].join('\n');
};

export { findingText, incidentText, suppressionText, lateDetectionText, counted, mfaText };
