import type { Db } from '../db/database';

/**
 * Claims a newsroom's digest for its local day; false when it was claimed
 * already. In the transaction that queues the emails, so a day is sent once.
 */
export async function claimDigestDay(db: Db, organizationId: string, localDate: string, sentAt: Date): Promise<boolean> {
  const claimed = await db.raw(
    'insert into digest_log (organization_id, local_date, sent_at) values (?, ?, ?) on conflict do nothing returning local_date',
    [organizationId, localDate, sentAt],
  );
  return (claimed.rows as unknown[]).length > 0;
}
