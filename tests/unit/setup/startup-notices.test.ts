import { loadConfig } from '../../../server/config';
import { startupNotices } from '../../../server/startup-notices';

describe('start-up notices', () => {
  it('when ADMIN_TOKEN is unset, then start-up says the operator API is off and how to create the first newsroom', () => {
    const notices = startupNotices(loadConfig({}));
    const text = notices.map((n) => n.msg).join('\n');
    expect(notices.some((n) => n.level === 'warn')).toBe(true);
    expect(text).toMatch(/operator API is off/);
    expect(text).toMatch(/npm run cli -- org:create --name/);
    expect(text).toMatch(/ADMIN_TOKEN/);
  });

  it('when ADMIN_TOKEN is set, then there is nothing to say about the operator API', () => {
    const notices = startupNotices(loadConfig({ ADMIN_TOKEN: 'a-long-enough-operator-token' }));
    expect(notices.map((n) => n.msg).join('\n')).not.toMatch(/operator API/);
  });
});
