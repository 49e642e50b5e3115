/**
 * A local HTTP server that stands in front of a real upstream (e.g. a real Prometheus) and can
 * be told to misbehave: go down (its port refuses connections), answer late, or answer garbage.
 * Fault tests use it to see what the plugin does when a dependency fails in each of these ways,
 * and that it recovers once the dependency answers properly again.
 */
import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * How the server answers:
 * - `proxy`: forwards to the upstream unchanged;
 * - `slow`: forwards, but only after `slowMs`;
 * - `html`: 200 with an HTML page (a login page or proxy error page in front of the API);
 * - `truncated`: 200 with the upstream's JSON cut in half;
 * - `wrong-shape`: 200 with well-formed JSON of the wrong shape;
 * - `status`: {@link FaultyHttpServer.statusAnswer}, e.g. 429 with `Retry-After`, or 500.
 */
export type FaultMode =
  | 'proxy'
  | 'slow'
  | 'html'
  | 'truncated'
  | 'wrong-shape'
  | 'status';

/** A started {@link startFaultyHttpServer}. */
export interface FaultyHttpServer {
  /** `http://127.0.0.1:<port>`; stays the same across {@link FaultyHttpServer.goDown}. */
  url: string;
  mode: FaultMode;
  /** The JSON body of `wrong-shape`. */
  wrongShape: unknown;
  /** The answer of `status`. */
  statusAnswer: { status: number; headers?: Record<string, string> };
  /** Requests answered (or delayed) so far. */
  requests: number;
  /** Stops listening and drops open connections: new connections are refused. */
  goDown(): Promise<void>;
  /** Listens on the same port again. */
  comeUp(): Promise<void>;
  close(): Promise<void>;
}

/** Headers that belong to one connection, not to the request forwarded. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts the server on a free loopback port, in `proxy` mode. */
export async function startFaultyHttpServer(options: {
  upstream: string;
  slowMs?: number;
}): Promise<FaultyHttpServer> {
  const sockets = new Set<Socket>();
  const pending = new Set<NodeJS.Timeout>();
  const forward = async (req: IncomingMessage) => {
    const body = await readBody(req);
    const response = await fetch(`${options.upstream}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).flatMap(([name, value]) =>
          typeof value === 'string' && !HOP_BY_HOP.has(name)
            ? [[name, value]]
            : [],
        ),
      ),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    return { status: response.status, text: await response.text() };
  };
  const state: Omit<FaultyHttpServer, 'goDown' | 'comeUp' | 'close'> = {
    url: '',
    mode: 'proxy',
    wrongShape: { status: 'success', data: { resultType: 'matrix' } },
    statusAnswer: { status: 503 },
    requests: 0,
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    state.requests += 1;
    const mode = state.mode;
    if (mode === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Sign in</h1></body></html>');
      return;
    }
    if (mode === 'status') {
      const { status, headers } = state.statusAnswer;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ message: `scripted ${status}` }));
      return;
    }
    if (mode === 'wrong-shape') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(state.wrongShape));
      return;
    }
    if (mode === 'slow') {
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, options.slowMs ?? 5_000);
        pending.add(timer);
      });
      if (res.destroyed) return;
    }
    const answer = await forward(req);
    const text =
      mode === 'truncated'
        ? answer.text.slice(0, Math.floor(answer.text.length / 2))
        : answer.text;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(text);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
      }
      res.end(`upstream failed: ${error}`);
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${port}`;
  const goDown = () =>
    new Promise<void>(resolve => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return Object.assign(state, {
    goDown,
    comeUp: () => listen(port),
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      if (server.listening) await goDown();
    },
  });
}
