import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ForwardedError, InputError, NotFoundError } from '@backstage/errors';
import { SloFileTarget } from '../catalog/resolveSloLocations';
import { DefaultSloFileReader, SloFileReader } from '../catalog/SloFileReader';
import { RunbookContent } from './types';

/**
 * Runbooks are read for a person to read at once; anything larger is not a runbook page but a
 * wrong location or a generated file.
 *
 * @internal
 */
export const MAX_RUNBOOK_BYTES = 512 * 1024;

const MARKDOWN_FILE = /\.(md|markdown)$/i;

function describe(target: SloFileTarget): string {
  return target.type === 'url' ? target.url : target.path;
}

function pathOf(target: SloFileTarget): string {
  if (target.type === 'file') {
    return target.path;
  }
  try {
    return new URL(target.url).pathname;
  } catch {
    return target.url;
  }
}

/**
 * Reads Markdown runbooks from repositories: URLs through the UrlReader, so that every SCM
 * integration and its credentials work, and local files (entities registered from a file) through
 * the SLO file reader. Returns the Markdown text only; rendering and sanitizing are the
 * frontend's.
 *
 * @internal
 */
export class RunbookMarkdownReader {
  static create(options: {
    urlReader: UrlReaderService;
    /** Reads local files; the SLO file reader by default. */
    fileReader?: SloFileReader;
  }): RunbookMarkdownReader {
    return new RunbookMarkdownReader(
      options.urlReader,
      options.fileReader ??
        DefaultSloFileReader.create({ urlReader: options.urlReader }),
    );
  }

  private constructor(
    private readonly urlReader: UrlReaderService,
    private readonly fileReader: SloFileReader,
  ) {}

  /**
   * Reads one runbook. Throws InputError for a file that is not Markdown, too large or binary,
   * NotFoundError when it does not exist, and ForwardedError for other read failures.
   */
  async read(
    target: SloFileTarget,
    options: { signal?: AbortSignal } = {},
  ): Promise<RunbookContent> {
    const where = describe(target);
    if (!MARKDOWN_FILE.test(pathOf(target))) {
      throw new InputError(
        `The runbook ${where} is not a Markdown file; only .md and .markdown files are shown inline, open other runbooks by their link`,
      );
    }

    let buffer: Buffer;
    let etag: string | undefined;
    let lastModifiedAt: Date | undefined;
    try {
      if (target.type === 'url') {
        const response = await this.urlReader.readUrl(target.url, {
          signal: options.signal,
        });
        buffer = await response.buffer();
        etag = response.etag;
        lastModifiedAt = response.lastModifiedAt;
      } else {
        const file = await this.fileReader.read(target);
        if (file === 'unchanged') {
          // Without an ETag in the request the reader has nothing to compare with.
          throw new Error('the reader answered unchanged without an ETag');
        }
        buffer = Buffer.from(file.content, 'utf8');
        etag = file.etag;
      }
    } catch (error) {
      if (
        (error instanceof Error && error.name === NotFoundError.name) ||
        (error as NodeJS.ErrnoException)?.code === 'ENOENT'
      ) {
        throw new NotFoundError(`The runbook ${where} does not exist`, error);
      }
      if (
        error instanceof Error &&
        /larger than \d+ bytes/.test(error.message)
      ) {
        throw new InputError(
          `The runbook ${where} is larger than ${MAX_RUNBOOK_BYTES} bytes; shorten it or split it into several runbooks`,
        );
      }
      throw new ForwardedError(`Could not read the runbook ${where}`, error);
    }

    if (buffer.length > MAX_RUNBOOK_BYTES) {
      throw new InputError(
        `The runbook ${where} is ${buffer.length} bytes, more than the ${MAX_RUNBOOK_BYTES} bytes shown inline; shorten it or split it into several runbooks`,
      );
    }
    if (buffer.includes(0)) {
      throw new InputError(
        `The runbook ${where} is not a text file, though its name ends in .md`,
      );
    }
    return {
      markdown: buffer.toString('utf8'),
      ...(target.type === 'url' ? { url: target.url } : {}),
      ...(lastModifiedAt
        ? { lastModifiedAt: lastModifiedAt.toISOString() }
        : {}),
      ...(etag ? { etag } : {}),
    };
  }
}
