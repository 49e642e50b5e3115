import { AddressInfo } from 'node:net';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';

/** A request the fake API received, its form parameters decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
}

/** What the fake API answers; an object body is sent as JSON. */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeHandler = (
  request: RecordedRequest,
) => FakeResponse | Promise<FakeResponse>;

export interface FakePrometheusApi {
  url: string;
  requests: RecordedRequest[];
  /** Replaces how requests are answered. */
  respond(handler: FakeHandler): void;
  close(): Promise<void>;
}

/** A successful range query answer, as Prometheus writes it. */
export function matrixBody(
  series: Array<{
    metric: Record<string, string>;
    values: Array<[number, string]>;
  }>,
) {
  return { status: 'success', data: { resultType: 'matrix', result: series } };
}

/** An error answer, as Prometheus writes it. */
export function errorBody(errorType: string, error: string) {
  return { status: 'error', errorType, error };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An HTTP server on a free loopback port that answers like the Prometheus HTTP API, with
 * whatever the test's handler says; it records every request.
 */
export async function startFakePrometheusApi(
  initial: FakeHandler = () => ({ body: matrixBody([]) }),
): Promise<FakePrometheusApi> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const server = createServer(
    async (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const text = await readBody(request);
      const params = Object.fromEntries(
        new URLSearchParams(
          request.method === 'POST' ? text : url.search,
        ).entries(),
      );
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: url.pathname,
        params,
        headers: request.headers,
      };
      requests.push(recorded);
      try {
        const answer = await handler(recorded);
        const body =
          typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body ?? matrixBody([]));
        response.writeHead(answer.status ?? 200, {
          'Content-Type': 'application/json',
          ...answer.headers,
        });
        response.end(body);
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
