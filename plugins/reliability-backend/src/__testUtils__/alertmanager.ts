/**
 * A real Alertmanager for integration tests: the Debian package `prometheus-alertmanager`
 * (installed when missing and running as root), started on a free loopback port with one webhook
 * receiver, clustering off.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aptInstall,
  findOnPath,
  RunningProgram,
  startProgram,
} from './localProgram';

async function findAlertmanager(): Promise<string | undefined> {
  return (
    process.env.ALERTMANAGER_BIN ??
    (await findOnPath('prometheus-alertmanager')) ??
    (await findOnPath('alertmanager'))
  );
}

/** Finds Alertmanager, installing `prometheus-alertmanager` with apt-get as root when missing. */
export async function ensureAlertmanagerInstalled(): Promise<string> {
  const found = await findAlertmanager();
  if (found) {
    return found;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The Alertmanager integration test needs Alertmanager, which is not installed. Install it ' +
        'with `sudo apt-get install -y prometheus-alertmanager` (Debian/Ubuntu), set ' +
        'ALERTMANAGER_BIN, or run the tests as root so that they install it.',
    );
  }
  await aptInstall('prometheus-alertmanager');
  const installed = await findAlertmanager();
  if (!installed) {
    throw new Error(
      'apt-get installed prometheus-alertmanager, but its program is not on PATH',
    );
  }
  return installed;
}

/** Starts Alertmanager sending every alert to `webhookUrl` with `Authorization: Bearer <token>`. */
export async function startAlertmanager(options: {
  binary: string;
  webhookUrl: string;
  token: string;
}): Promise<RunningProgram> {
  const dir = await mkdtemp(join(tmpdir(), 'reliability-alertmanager-'));
  // Short waits, so a test sees notifications within seconds; send_resolved for the lifecycle.
  await writeFile(
    join(dir, 'alertmanager.yml'),
    `route:
  receiver: backstage
  group_by: ['alertname', 'backstage_entity']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: backstage
    webhook_configs:
      - url: ${JSON.stringify(options.webhookUrl)}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${JSON.stringify(options.token)}
`,
  );
  try {
    const running = await startProgram({
      name: 'Alertmanager',
      binary: options.binary,
      args: port => [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      readyPath: '/-/ready',
    });
    return {
      ...running,
      stop: async () => {
        await running.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
