import { PassThrough } from 'node:stream';
import { writeWithBackpressure } from './writeWithBackpressure';

describe('writeWithBackpressure', () => {
  it('waits for a full buffer to drain, and leaves no listener behind', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const chunks: string[] = [];
    let written = 0;
    const writer = (async () => {
      for (let i = 0; i < 50; i++) {
        await writeWithBackpressure(stream, `row-${i};`);
        written++;
      }
      stream.end();
    })();
    // Nothing is read yet: the writer stops at the first full buffer.
    await new Promise(resolve => setImmediate(resolve));
    expect(written).toBeLessThan(3);
    stream.on('data', chunk => chunks.push(String(chunk)));
    await writer;
    expect(written).toBe(50);
    expect(chunks.join('')).toBe(
      Array.from({ length: 50 }, (_, i) => `row-${i};`).join(''),
    );
    expect(stream.listenerCount('drain')).toBe(0);
    expect(stream.listenerCount('close')).toBe(0);
  });

  it('stops waiting when the client goes away, and writes nothing after', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const errors: Error[] = [];
    stream.on('error', error => errors.push(error));
    // Over the mark and never read: it waits, until the stream is destroyed.
    const waiting = writeWithBackpressure(stream, 'a chunk over the mark');
    stream.destroy();
    await expect(waiting).resolves.toBeUndefined();
    // A write to a destroyed stream would fail with ERR_STREAM_DESTROYED: none is made.
    await writeWithBackpressure(stream, 'after');
    await new Promise(resolve => setImmediate(resolve));
    expect(errors).toEqual([]);
    expect(stream.listenerCount('close')).toBe(0);
  });
});
