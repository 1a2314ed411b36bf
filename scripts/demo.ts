// npm run demo: a demo newsroom with the worked example of DESIGN.md, one
// drafted request per agency about the all-employee email of on or about
// 16 January 2026. Uses DATABASE_URL, or the embedded database in DATA_DIR.
// Running it again reuses what an earlier run made (found by the newsroom's
// name, the users' emails, the agencies' names and the example's tag) and
// prints fresh tokens, since the earlier ones were shown only once.
import { createAgency } from '../server/agencies/agency-service';
import { listAgencies } from '../server/agencies/agency-store';
import type { Role, UserCaller } from '../server/auth/caller';
import { loadConfig } from '../server/config';
import { openConfiguredDatabase } from '../server/db/open-configured';
import { findOrganizationByName, insertOrganization } from '../server/organizations/organization-store';
import { createRequestBatch } from '../server/requests/request-service';
import { listRequests } from '../server/requests/request-store';
import { issueToken } from '../server/tokens/token-service';
import { createUserWithToken } from '../server/users/user-service';
import { listUsers, type UserRecord } from '../server/users/user-store';
import { WORKED_EXAMPLE_AGENCIES } from './worked-example';

const NEWSROOM = 'Demo Newsroom';
const TAG = 'worked-example';
const PEOPLE: ReadonlyArray<{ role: Role; email: string; name: string }> = [
  { role: 'admin', email: 'admin@demo.example.org', name: 'Ada Admin' },
  { role: 'editor', email: 'editor@demo.example.org', name: 'Eddie Editor' },
  { role: 'reporter', email: 'reporter@demo.example.org', name: 'Rita Reporter' },
  { role: 'counsel', email: 'counsel@demo.example.org', name: 'Casey Counsel' },
];

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const now = new Date();
    const existing = await findOrganizationByName(db.knex, NEWSROOM);
    const org = existing ?? (await insertOrganization(db.knex, NEWSROOM));

    const known = new Map((await listUsers(db.knex, org.id)).map((u) => [u.email, u]));
    const users = {} as Record<Role, { user: UserRecord; token: string }>;
    for (const p of PEOPLE) {
      const user = known.get(p.email);
      if (user) {
        const { token } = await issueToken(db.knex, { organizationId: org.id, userId: user.id, name: 'demo token', kind: 'api' });
        users[p.role] = { user, token };
      } else {
        users[p.role] = await createUserWithToken(db.knex, org.id, { email: p.email, name: p.name, role: p.role });
      }
    }

    const byName = new Map((await listAgencies(db.knex, org.id, { limit: 500 })).map((a) => [a.name, a]));
    const agencies = [];
    for (const a of Object.values(WORKED_EXAMPLE_AGENCIES))
      agencies.push(byName.get(a.name) ?? (await createAgency(db.knex, org.id, a, now)));

    const reporter = users.reporter.user;
    let drafts = await listRequests(db.knex, org.id, { tag: TAG, limit: 100 });
    if (drafts.length === 0) {
      const caller: UserCaller = {
        kind: 'user',
        userId: reporter.id,
        organizationId: org.id,
        role: 'reporter',
        email: reporter.email,
        name: reporter.name,
        credential: { kind: 'token', id: '' },
      };
      ({ items: drafts } = await createRequestBatch(
        db.knex,
        caller,
        {
          agencyIds: agencies.map((a) => a.id),
          title: 'All-employee email on tracking federal immigration enforcement',
          recordsSought:
            'The all-employee email sent on or about January 16, 2026 (the Friday before the Martin Luther King Jr. Day weekend) ' +
            'telling employees how to track and report federal immigration-enforcement activity and to share information with community groups; ' +
            'its distribution list; drafts and approvals; related employee training on the separation ordinance; ' +
            'and reports to the Mayor and City Council about federal activity.',
          dateRangeStart: '2026-01-01',
          dateRangeEnd: '2026-01-31',
          format: 'electronic copies (PDF or native format) by email',
          feeLimit: 50,
          feeWaiver: {
            requested: true,
            justification:
              'The records concern public employees and federal enforcement activity in the city; disclosure informs the public.',
          },
          tags: ['immigration', TAG],
          assigneeId: reporter.id,
        },
        now,
      ));
    }
    // Oldest first, so the same agency comes first in every run's summary.
    drafts = [...drafts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const groupId = drafts[0]!.groupId;
    const ice = drafts.find((r) => r.letterTemplate === 'federal-foia') ?? drafts[drafts.length - 1]!;
    const token = users.reporter.token;

    const base = config.publicUrl;
    const tokenLines = PEOPLE.map((p) => `  ${p.role.padEnd(9)} ${users[p.role].token}   (${p.email})`).join('\n');
    console.log(`Demo newsroom ${org.id} with ${agencies.length} agencies and ${drafts.length} drafted requests (group ${groupId}).
${existing ? 'It was already there: reused it, and issued new tokens (the earlier ones still work).\n' : ''}
Tokens (shown once):
${tokenLines}
The admin changes newsroom settings (PATCH /v1/organization/settings) and adds people (POST /v1/organizations/${org.id}/users).

Start the service (npm start), then try:
  curl -s "${base}/v1/requests?groupId=${groupId}" -H "Authorization: Bearer ${token}"
  curl -s ${base}/v1/requests/${drafts[0]!.id} -H "Authorization: Bearer ${token}"
  curl -s -X POST ${base}/v1/requests/${ice.id}/submit -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' -d '{"method":"email"}'
  curl -s -X POST ${base}/v1/deadlines/calculate -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \\
       -d '{"jurisdiction":"US","receivedAt":"2026-01-16T10:00:00-05:00"}'
  curl -s -X PATCH ${base}/v1/organization/settings -H "Authorization: Bearer ${users.admin.token}" -H 'Content-Type: application/json' -d '{"digestHour":7}'
The API reference is at ${base}/docs (open it in a browser).
Mail goes to ${config.smtpUrl ? 'the SMTP server in SMTP_URL' : `.eml files in ${config.dataDir}/outbox`}.`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
