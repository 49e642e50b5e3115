import { Writable } from 'node:stream';

/**
 * Writes a chunk to a response streamed by hand, and when the client's buffer is full waits for
 * it to drain (or for the connection to close), so that a slow client holds the producer back
 * instead of filling the server's memory.
 *
 * @internal
 */
export async function writeWithBackpressure(
  stream: Writable,
  chunk: string,
): Promise<void> {
  if (stream.destroyed || stream.write(chunk)) {
    return;
  }
  // Both listeners go as soon as one fires: a long export waits for many drains.
  await new Promise<void>(resolve => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
