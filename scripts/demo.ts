// npm run demo: a demo newsroom with the worked example of DESIGN.md, one
// drafted request per agency about the all-employee email of on or about
// 16 January 2026. Uses DATABASE_URL, or the embedded database in DATA_DIR.
import { createAgency } from '../server/agencies/agency-service';
import type { UserCaller } from '../server/auth/caller';
import { loadConfig } from '../server/config';
import { openConfiguredDatabase } from '../server/db/open-configured';
import { insertOrganization } from '../server/organizations/organization-store';
import { createRequestBatch } from '../server/requests/request-service';
import { createUserWithToken } from '../server/users/user-service';
import { WORKED_EXAMPLE_AGENCIES } from './worked-example';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const now = new Date();
    const org = await insertOrganization(db.knex, 'Demo Newsroom');
    const { user: editor, token: editorToken } = await createUserWithToken(db, org.id, { email: 'editor@demo.example.org', name: 'Eddie Editor', role: 'editor' });
    const { user: reporter, token } = await createUserWithToken(db, org.id, { email: 'reporter@demo.example.org', name: 'Rita Reporter', role: 'reporter' });
    const { token: counselToken } = await createUserWithToken(db, org.id, { email: 'counsel@demo.example.org', name: 'Casey Counsel', role: 'counsel' });
    const agencies = [];
    for (const a of Object.values(WORKED_EXAMPLE_AGENCIES)) agencies.push(await createAgency(db, org.id, a, now));
    const caller: UserCaller = { kind: 'user', userId: reporter.id, organizationId: org.id, role: 'reporter', email: reporter.email, name: reporter.name, tokenId: '' };
    const { groupId, items } = await createRequestBatch(db.knex, caller, {
      agencyIds: agencies.map((a) => a.id),
      title: 'All-employee email on tracking federal immigration enforcement',
      recordsSought:
        'The all-employee email sent on or about January 16, 2026 (the Friday before the Martin Luther King Jr. Day weekend) '
        + 'telling employees how to track and report federal immigration-enforcement activity and to share information with community groups; '
        + 'its distribution list; drafts and approvals; related employee training on the separation ordinance; '
        + 'and reports to the Mayor and City Council about federal activity.',
      dateRangeStart: '2026-01-01',
      dateRangeEnd: '2026-01-31',
      format: 'electronic copies (PDF or native format) by email',
      feeLimit: 50,
      feeWaiver: { requested: true, justification: 'The records concern public employees and federal enforcement activity in the city; disclosure informs the public.' },
      tags: ['immigration', 'worked-example'],
      assigneeId: reporter.id,
    }, now);

    const base = config.publicUrl;
    console.log(`Demo newsroom ${org.id} with ${agencies.length} agencies and ${items.length} drafted requests (group ${groupId}).

Tokens (shown once):
  reporter  ${token}
  editor    ${editorToken}   (${editor.email})
  counsel   ${counselToken}

Start the service (npm start), then try:
  curl -s ${base}/v1/requests?groupId=${groupId} -H "Authorization: Bearer ${token}"
  curl -s ${base}/v1/requests/${items[0]!.id} -H "Authorization: Bearer ${token}"
  curl -s -X POST ${base}/v1/requests/${items[3]!.id}/submit -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' -d '{"method":"email"}'
  curl -s -X POST ${base}/v1/deadlines/calculate -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \\
       -d '{"jurisdiction":"US","receivedAt":"2026-01-16T10:00:00-05:00"}'
  open ${base}/docs
Mail goes to ${config.smtpUrl ? 'the SMTP server in SMTP_URL' : `.eml files in ${config.dataDir}/outbox`}.`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
