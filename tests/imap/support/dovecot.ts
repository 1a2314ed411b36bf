import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const run = promisify(execFile);
/** Every user logs in with this password (any other is refused); users need no set-up. */
export const PASSWORD = 'right-password';

/** Debian puts dovecot in /usr/sbin, which a non-root PATH may lack. */
function binary(name: string, dirs: string[]): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...dirs]) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error(`${name} not found: install Debian's dovecot-imapd (apt-get install -y dovecot-imapd)`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Process ids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * A private Dovecot (Debian's dovecot-imapd) for one test file: its own
 * configuration, run directory and Maildir under a temporary directory, IMAP
 * on a free loopback port, plaintext logins of any user with PASSWORD. Not the
 * system instance: nothing under /etc or /var is used or changed.
 */
export class Dovecot {
  private child: ChildProcess | undefined;
  /** Logins made by the test's own clients (client(), append(), messages()), by user. */
  private readonly ownLogins = new Map<string, number>();

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly conf: string,
  ) {}

  static async start(): Promise<Dovecot> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-dovecot-'));
    for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
    // As root, Dovecot will not give mail access to uid 0: mail belongs to its own system user.
    const asRoot = process.getuid?.() === 0;
    const mailUser = asRoot ? 'dovecot' : os.userInfo().username;
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'dovecot']);
      const { stdout: gid } = await run('id', ['-g', 'dovecot']);
      fs.chownSync(path.join(dir, 'mail'), Number(stdout.trim()), Number(gid.trim()));
      fs.chmodSync(dir, 0o755);
    }
    const port = await freePort();
    const conf = path.join(dir, 'dovecot.conf');
    const loginUser = asRoot ? 'dovenull' : mailUser;
    fs.writeFileSync(
      conf,
      `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = rt-test-${path.basename(dir)}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Answer a wrong password at once: the worker's own wait between refused logins is under test, not the server's.
auth_failure_delay = 0
mail_location = maildir:${dir}/mail/%u
mail_uid = ${mailUser}
mail_gid = ${mailUser}
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${mailUser}
default_internal_group = ${mailUser}
default_login_user = ${loginUser}
passdb {
  driver = static
  args = password=${PASSWORD}
}
userdb {
  driver = static
  args = home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
`,
    );
    const dovecot = new Dovecot(dir, port, conf);
    await dovecot.boot();
    return dovecot;
  }

  private async boot(): Promise<void> {
    fs.rmSync(path.join(this.dir, 'run', 'master.pid'), { force: true });
    const child = spawn(binary('dovecot', ['/usr/sbin', '/usr/local/sbin']), ['-F', '-c', this.conf], { stdio: 'ignore' });
    this.child = child;
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}):\n${this.log()}`);
      // Listening is not ready: logins fail until its auth service is up.
      if ((await accepts(this.port)) && (await this.canLogIn())) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`dovecot did not listen on ${this.port}:\n${this.log()}`);
  }

  private async canLogIn(): Promise<boolean> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: 'probe@dovecot.test', pass: PASSWORD },
      logger: false,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.logout();
      return true;
    } catch {
      return false;
    }
  }

  log(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '(no log)';
    }
  }

  /** A logged-in client for the test's own look at the mailbox. */
  async client(user: string): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user, pass: PASSWORD },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect().catch((err: { responseText?: string; message: string }) => {
      throw new Error(`LOGIN as ${user} failed: ${err.responseText ?? err.message}\n${this.log().slice(-3000)}`);
    });
    this.ownLogins.set(user, (this.ownLogins.get(user) ?? 0) + 1);
    return client;
  }

  async append(user: string, raw: Buffer | string, folder = 'INBOX'): Promise<void> {
    const client = await this.client(user);
    try {
      if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
      await client.append(folder, raw).catch((err: { responseText?: string; message: string }) => {
        throw new Error(`APPEND to ${user}/${folder} failed: ${err.responseText ?? err.message}\n${this.log().slice(-2000)}`);
      });
    } finally {
      await client.logout();
    }
  }

  /** Every message in a folder with its flags. */
  async messages(user: string, folder = 'INBOX'): Promise<Array<{ uid: number; flags: string[]; subject: string }>> {
    const client = await this.client(user);
    try {
      const box = await client.mailboxOpen(folder).catch(() => undefined);
      if (!box || box.exists === 0) return [];
      const list = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true });
      return list.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])].sort(), subject: m.envelope?.subject ?? '' }));
    } finally {
      await client.logout();
    }
  }

  /** Gives the folder a new UIDVALIDITY, as a server does after its index is rebuilt or the folder is recreated. */
  async setUidValidity(user: string, folder: string, value: number): Promise<void> {
    // doveadm looks the user up through the running server's auth service.
    await run(binary('doveadm', ['/usr/bin']), ['-c', this.conf, 'mailbox', 'update', '-u', user, '--uid-validity', String(value), folder]);
  }

  /** Logins the server accepted for `user` (one per connection) from others than the test's own clients: the workers'. */
  workerLogins(user: string): number {
    const all = this.log()
      .split('\n')
      .filter((line) => line.includes('imap-login: Info: Login: ') && line.includes(`user=<${user}>`)).length;
    return all - (this.ownLogins.get(user) ?? 0);
  }

  /** Login attempts the server refused for `user`, from its log. */
  refusedLogins(user: string): number {
    let n = 0;
    for (const line of this.log().split('\n')) {
      const m = /auth failed, (\d+) attempts?/.exec(line);
      if (m && line.includes(`user=<${user}>`)) n += Number(m[1]);
    }
    return n;
  }

  async uidValidity(user: string, folder = 'INBOX'): Promise<number> {
    const { stdout } = await run(binary('doveadm', ['/usr/bin']), [
      '-c',
      this.conf,
      'mailbox',
      'status',
      '-u',
      user,
      'uidvalidity',
      folder,
    ]);
    return Number(/uidvalidity=(\d+)/.exec(stdout)?.[1]);
  }

  /** Stops the server (every connection drops), and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    // Its imap and login processes (found by their parent, as they are ours) can linger for half a
    // minute after the master goes: they are ended too, so every client sees its connection drop.
    const children = child.pid ? childrenOf(child.pid) : [];
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Its login and mail processes may outlive the master for a moment.
    for (let i = 0; i < 100 && (await accepts(this.port)); i++) await new Promise((r) => setTimeout(r, 50));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
