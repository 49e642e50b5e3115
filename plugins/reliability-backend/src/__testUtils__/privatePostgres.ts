/**
 * A private PostgreSQL server for tests that restart or stop the database: `initdb` and
 * `postgres` of the newest installed major (`/usr/lib/postgresql/<major>/bin/`) over a temporary
 * data directory, on a free loopback port, run as the OS user `postgres` when the tests run as
 * root (PostgreSQL refuses to run as root). The shared server on 5432 is never touched.
 */
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run } from './localProgram';

/** A running {@link startPrivatePostgres}. */
export interface PrivatePostgres {
  /** Connection settings for knex (`client: 'pg'`). */
  connection: {
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
  };
  /** `pg_ctl stop -m fast`: drops every connection; new ones are refused until {@link PrivatePostgres.start}. */
  shutDown(): Promise<void>;
  /** Starts the stopped server again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

async function findPostgresBin(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const majors = (await readdir(root).catch(() => []))
    .filter(name => /^\d+$/.test(name))
    .sort((a, b) => Number(a) - Number(b));
  if (majors.length === 0) {
    throw new Error(
      `No PostgreSQL server programs in ${root}/<major>/bin: install them (Debian: apt-get install postgresql)`,
    );
  }
  return join(root, majors[majors.length - 1], 'bin');
}

/** Starts a fresh server; its superuser is `postgres` without a password (trust on loopback). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = await findPostgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'reliability-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(dir, uid, gid);
    await chmod(dir, 0o700);
  }
  // Runs a server program as the postgres OS user when we are root.
  const command = (program: string, args: string[]) =>
    asRoot
      ? {
          file: 'runuser',
          args: ['-u', 'postgres', '--', join(bin, program), ...args],
        }
      : { file: join(bin, program), args };

  const initdb = command('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
  ]);
  await run(initdb.file, initdb.args);
  const port = await freePort();
  const pgCtl = (args: string[]) => {
    const c = command('pg_ctl', ['-D', data, ...args]);
    return run(c.file, c.args, { timeoutMs: 60_000 });
  };
  const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`;
  await pgCtl(['-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  return {
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: 'postgres',
      database: 'postgres',
    },
    shutDown: async () => {
      await pgCtl(['-w', '-m', 'fast', 'stop']);
    },
    start: async () => {
      await pgCtl(['-o', options, '-w', '-l', join(dir, 'log'), 'start']);
    },
    stop: async () => {
      await pgCtl(['-w', '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
