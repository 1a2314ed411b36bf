import type { Config } from './config';

export interface StartupNotice {
  level: 'info' | 'warn';
  msg: string;
}

/** How to create the first newsroom when the operator API is off; shared by the log and the 401. */
export const OPERATOR_OFF =
  'The operator API is off: this service was started without ADMIN_TOKEN. ' +
  'Create the first newsroom and its admin with `npm run cli -- org:create --name "Your newsroom"` and ' +
  '`npm run cli -- user:create --org <orgId> --email you@example.org --name "Your Name" --role admin` ' +
  '(stop the service first on the embedded database), or set ADMIN_TOKEN (at least 16 characters) and restart.';

/**
 * What a newcomer needs to hear at start-up. A fresh install has no newsroom,
 * and without ADMIN_TOKEN nothing over HTTP can create one, so say how.
 */
export function startupNotices(config: Config): StartupNotice[] {
  const notices: StartupNotice[] = [];
  if (!config.adminToken) notices.push({ level: 'warn', msg: OPERATOR_OFF });
  return notices;
}
