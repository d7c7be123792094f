import * as z from 'zod/mini';
import { toAsffFinding } from '../../findings/formats/asff.ts';
import { AlertBusEventSchema } from '../../schemas/alert-bus-event.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import { AsffFindingSchema } from '../../schemas/asff-finding.ts';
import type { AsffFinding } from '../../schemas/asff-finding.ts';
import type { Logger } from '../../adapters/logger.ts';
import { functionPlace } from '../function-place.ts';
import { budgetSignal } from '../invocation-budget.ts';
import type { RemainingTime } from '../invocation-budget.ts';

/** The import gives up this long before the invocation's end, to log and fail it (so Lambda retries). */
const IMPORT_MARGIN_MS = 1_000;

interface ImportHandlerDeps {
  securityHub: {
    import(findings: readonly AsffFinding[], options?: { signal?: AbortSignal }): Promise<number>;
  };
  logger: Logger;
}

/** An alert that is not a finding Security Hub would accept: kept in the dead-letter queue, not retried forever. */
class InvalidImportError extends Error {
  override name = 'InvalidImportError';
}

/**
 * Imports one finding from the alert bus into Security Hub, in ASFF, through the custom
 * integration's default product of the function's own account and Region (the only product that
 * account may import into; the account the finding is about is its resource). `UpdatedAt` is when
 * the alert was put on the bus: a finding alerted again with new content (an incident's update, a
 * relabelled session) replaces the imported one, while a retried delivery of the same alert
 * changes nothing. An alert that is not
 * a valid finding, or a finding Security Hub would refuse, fails the invocation for the dead-letter
 * queue; so does an import that still fails after its retries.
 */
const makeImportHandler =
  (deps: ImportHandlerDeps) =>
  async (
    event: unknown,
    context: { awsRequestId?: string; invokedFunctionArn?: string } & RemainingTime = {},
  ): Promise<{ id: string; imported: number }> => {
    const log = deps.logger.child({ awsRequestId: context.awsRequestId });
    const parsed = AlertBusEventSchema.safeParse(event);
    if (!parsed.success || parsed.data['detail-type'] !== ALERT_DETAIL_TYPES.finding) {
      log.error('not a finding alert: failed, for the dead-letter queue');
      throw new InvalidImportError(
        `rootwatch Security Hub import: not a finding alert${parsed.success ? '' : `:\n${z.prettifyError(parsed.error)}`}`,
      );
    }
    const { account, region } = functionPlace(context.invokedFunctionArn);
    const { detail: finding, time } = parsed.data;
    const updatedAt = time && Date.parse(time) > Date.parse(finding.time) ? time : finding.time;
    const asff = AsffFindingSchema.safeParse(
      toAsffFinding(finding, { productAccount: account, productRegion: region, updatedAt }),
    );
    if (!asff.success) {
      throw new InvalidImportError(
        `rootwatch Security Hub import: not valid ASFF:\n${z.prettifyError(asff.error)}`,
      );
    }
    const signal = budgetSignal(context, IMPORT_MARGIN_MS);
    const imported = await deps.securityHub.import([asff.data], signal ? { signal } : {});
    log.info(
      { id: asff.data.Id, severity: asff.data.Severity.Label, imported },
      'imported into Security Hub',
    );
    return { id: asff.data.Id, imported };
  };

export { makeImportHandler, InvalidImportError };
export type { ImportHandlerDeps };
