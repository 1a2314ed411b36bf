import fs from 'node:fs';
import type { Db } from '../db/database';
import type { Logger } from '../logger';
import { checkpointMessage } from './checkpoint-service';
import { checkpointsAwaitingTimestamp, insertCheckpointTimestamp } from './checkpoint-store';
import { parseCertificates, requestTimestamp, TsaError, type TsaOptions } from './tsa-client';

export interface TsaConfig {
  tsaUrl: string | undefined;
  tsaCaFile: string | undefined;
  tsaTimeoutSeconds: number;
}

/** The authority to ask, or undefined when TSA_URL is unset. The CA file is read on each call so a renewed one is picked up without a restart. */
export function tsaOptions(config: TsaConfig): TsaOptions | undefined {
  if (!config.tsaUrl) return undefined;
  const caCertificates = config.tsaCaFile ? parseCertificates(fs.readFileSync(config.tsaCaFile, 'utf8')) : undefined;
  if (caCertificates?.length === 0) throw new Error(`TSA_CA_FILE ${config.tsaCaFile} holds no PEM certificate`);
  return { url: config.tsaUrl, timeoutMs: config.tsaTimeoutSeconds * 1000, caCertificates };
}

export interface StampResult {
  stamped: number;
  failed: number;
}

export interface StampDeps {
  config: TsaConfig;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Asks the time-stamping authority for a token over each awaiting checkpoint's
 * signed message (see checkpointsAwaitingTimestamp) and stores the ones that
 * check out. Never throws for the authority: a refusal or a bad token is
 * logged and the next checkpoint tried; an authority that does not answer
 * ends the round (asking it again now would only wait out more timeouts).
 * Either way nothing is recorded, so the next round asks again. A TSA call is
 * a network round trip: `db` should not be a transaction holding locks.
 */
export async function stampCheckpoints(
  db: Db,
  deps: StampDeps,
  scope: { organizationId?: string; requestId?: string } = {},
  limit = 500,
): Promise<StampResult> {
  const result: StampResult = { stamped: 0, failed: 0 };
  let tsa: TsaOptions | undefined;
  try {
    tsa = tsaOptions(deps.config);
  } catch (err) {
    // A CA file gone missing must not fail the round or the bundle that asked; the log says why no token came.
    deps.logger.warn({ reason: (err as Error).message }, 'checkpoints not time-stamped: TSA_CA_FILE cannot be read');
    return result;
  }
  if (!tsa) return result;
  const awaiting = await checkpointsAwaitingTimestamp(db, { limit, ...scope });
  for (const checkpoint of awaiting) {
    try {
      const token = await requestTimestamp(tsa, Buffer.from(checkpointMessage(checkpoint), 'utf8'));
      if (await insertCheckpointTimestamp(db, checkpoint.id, token)) result.stamped += 1;
    } catch (err) {
      if (!(err instanceof TsaError)) throw err;
      result.failed += 1;
      deps.logger.warn(
        { checkpointId: checkpoint.id, requestId: checkpoint.requestId, kind: err.kind, reason: err.message },
        'checkpoint not time-stamped; asked again at the next checkpoint round',
      );
      if (err.kind === 'unreachable') break;
    }
  }
  return result;
}
