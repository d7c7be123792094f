import type { AuditSummary } from '../../posture/audit-summary.ts';
import { besideFieldStudy, FIELD_STUDY } from '../../posture/field-study.ts';
import type { AuditShare, Comparability, StudyComparison } from '../../posture/field-study.ts';
import { formatShare } from '../format/bytes.ts';
import { setAside } from '../format/fleet-figures-text.ts';
import { html } from './html.ts';
import type { Markup } from './html.ts';
import type { KeyFigure, Section } from './page.ts';
import { dataTable } from './table.ts';

const READING: Readonly<Record<Comparability, string>> = {
  same: 'Same measure',
  rebased: 'Close, over another base',
  different: 'Another measure',
};

const shareText = (share: AuditShare): string =>
  share.share === null
    ? `no ${share.basis}`
    : `${formatShare(share.share)}: ${share.failing} of ${share.of} ${share.basis}`;

const studyAside = ({ study, audit }: StudyComparison): string =>
  `Field study: ${study.value} ${study.of}` +
  (study.comparability === 'rebased' ? `. Here ${shareText(audit)}` : '') +
  (study.comparability === 'different' ? ' (another measure)' : '');

/**
 * The four fleet figures as headline figures, over the accounts where each check was decided (as
 * the text summary gives them), each with the field study's figure beside it, labelled as the study's.
 */
const fleetFigureCards = (summary: AuditSummary): KeyFigure[] => {
  const comparisons = besideFieldStudy(summary);
  return summary.figures.map((figure, index) => ({
    value: formatShare(figure.share),
    label: `of accounts ${figure.label} (${figure.failing} of ${figure.decided}${setAside(figure)})`,
    tone: figure.decided === 0 ? 'neutral' : figure.failing > 0 ? 'danger' : 'ok',
    aside: studyAside(comparisons[index]!),
  }));
};

/** The audit's figures and the study's side by side, with what each counts and how far they compare. */
const studySection = (summary: AuditSummary): Section => ({
  title: 'Beside the field study',
  note:
    `The field study behind rootwatch covered ${FIELD_STUDY.accounts} accounts in ${FIELD_STUDY.organisations} ` +
    'organisations. Its figures are the study’s, not this audit’s; only like measures read against each other.',
  content: dataTable(
    ['Figure', 'This audit', 'Field study', 'Reading'],
    besideFieldStudy(summary).map((comparison): Array<string | Markup> => [
      `Accounts ${comparison.label}`,
      html`<div class="wrap">${shareText(comparison.audit)}</div>`,
      html`<div class="wrap">${comparison.study.value} ${comparison.study.of}</div>`,
      html`<div class="wrap">
        <b>${READING[comparison.study.comparability]}</b>. ${comparison.study.note}
      </div>`,
    ]),
  ),
});

export { fleetFigureCards, studySection };
