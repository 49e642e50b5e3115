import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  MAX_RUNBOOK_BYTES,
  RunbookMarkdownReader,
} from './RunbookMarkdownReader';

const URL_MD = 'https://github.com/acme/checkout/blob/main/docs/runbook.md';

function readerReturning(
  content: Buffer,
  extra: { etag?: string; lastModifiedAt?: Date } = {},
) {
  const urlReader = mockServices.urlReader.mock();
  urlReader.readUrl.mockResolvedValue({
    buffer: async () => content,
    ...extra,
  });
  return { urlReader, reader: RunbookMarkdownReader.create({ urlReader }) };
}

describe('RunbookMarkdownReader', () => {
  it('returns the Markdown text, its last modification and ETag through the UrlReader', async () => {
    const { urlReader, reader } = readerReturning(
      Buffer.from('# Checkout\n\n<script>alert(1)</script>\n'),
      { etag: 'abc', lastModifiedAt: new Date('2026-11-01T10:00:00Z') },
    );
    await expect(reader.read({ type: 'url', url: URL_MD })).resolves.toEqual({
      // Unchanged: the frontend sanitizes what it renders.
      markdown: '# Checkout\n\n<script>alert(1)</script>\n',
      url: URL_MD,
      lastModifiedAt: '2026-11-01T10:00:00.000Z',
      etag: 'abc',
    });
    expect(urlReader.readUrl).toHaveBeenCalledWith(URL_MD, {
      signal: undefined,
    });
  });

  it('refuses a file that is not Markdown without reading it', async () => {
    const { urlReader, reader } = readerReturning(Buffer.from('x'));
    const read = reader.read({
      type: 'url',
      url: 'https://github.com/acme/checkout/blob/main/runbook.pdf',
    });
    await expect(read).rejects.toThrow(InputError);
    await expect(read).rejects.toThrow(
      'The runbook https://github.com/acme/checkout/blob/main/runbook.pdf is not a Markdown file; only .md and .markdown files are shown inline, open other runbooks by their link',
    );
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });

  it('refuses a file larger than the limit', async () => {
    const { reader } = readerReturning(
      Buffer.alloc(MAX_RUNBOOK_BYTES + 1, 'a'),
    );
    await expect(reader.read({ type: 'url', url: URL_MD })).rejects.toThrow(
      `The runbook ${URL_MD} is ${
        MAX_RUNBOOK_BYTES + 1
      } bytes, more than the ${MAX_RUNBOOK_BYTES} bytes shown inline; shorten it or split it into several runbooks`,
    );
  });

  it('refuses a binary file', async () => {
    const { reader } = readerReturning(Buffer.from([0x23, 0x00, 0x01]));
    await expect(reader.read({ type: 'url', url: URL_MD })).rejects.toThrow(
      InputError,
    );
  });

  it('says NotFoundError when the reader does not find it', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockRejectedValue(new NotFoundError('404 from GitHub'));
    const reader = RunbookMarkdownReader.create({ urlReader });
    const read = reader.read({ type: 'url', url: URL_MD });
    await expect(read).rejects.toThrow(NotFoundError);
    await expect(read).rejects.toThrow(`The runbook ${URL_MD} does not exist`);
  });

  it('wraps other read failures with the location', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockRejectedValue(new Error('rate limited'));
    const reader = RunbookMarkdownReader.create({ urlReader });
    await expect(reader.read({ type: 'url', url: URL_MD })).rejects.toThrow(
      `Could not read the runbook ${URL_MD}; caused by Error: rate limited`,
    );
  });

  describe('local files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbooks-'));
      await fs.writeFile(path.join(dir, 'checkout.md'), '# Restart the pods\n');
    });
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));

    it('reads them', async () => {
      const reader = RunbookMarkdownReader.create({
        urlReader: mockServices.urlReader.mock(),
      });
      const content = await reader.read({
        type: 'file',
        path: path.join(dir, 'checkout.md'),
      });
      expect(content.markdown).toBe('# Restart the pods\n');
      expect(content.url).toBeUndefined();
    });

    it('says NotFoundError for a missing one', async () => {
      const reader = RunbookMarkdownReader.create({
        urlReader: mockServices.urlReader.mock(),
      });
      await expect(
        reader.read({ type: 'file', path: path.join(dir, 'missing.md') }),
      ).rejects.toThrow(NotFoundError);
    });
  });
});
