import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { SloFileTarget } from './resolveSloLocations';

/**
 * SLO files are small; anything this large is a wrong location, not an SLO file.
 */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * The content of an SLO file and the ETag that identifies it.
 *
 * @internal
 */
export interface SloFileContent {
  content: string;
  etag?: string;
}

/**
 * Reads SLO files: URLs through the UrlReader service (so every SCM integration works) and local
 * files directly, because the UrlReader has no reader for `file:` targets.
 *
 * @internal
 */
export interface SloFileReader {
  /**
   * Reads a file; returns `'unchanged'` when `etag` still identifies its content. Throws when the
   * file cannot be read.
   */
  read(
    target: SloFileTarget,
    options?: { etag?: string; signal?: AbortSignal },
  ): Promise<SloFileContent | 'unchanged'>;
}

/**
 * The {@link SloFileReader} of the plugin.
 *
 * @internal
 */
export class DefaultSloFileReader implements SloFileReader {
  static create(options: {
    urlReader: UrlReaderService;
  }): DefaultSloFileReader {
    return new DefaultSloFileReader(options.urlReader);
  }

  private constructor(private readonly urlReader: UrlReaderService) {}

  async read(
    target: SloFileTarget,
    options: { etag?: string; signal?: AbortSignal } = {},
  ): Promise<SloFileContent | 'unchanged'> {
    if (target.type === 'file') {
      return this.readFile(target.path, options.etag);
    }
    try {
      const response = await this.urlReader.readUrl(target.url, {
        etag: options.etag,
        signal: options.signal,
      });
      const buffer = await response.buffer();
      if (buffer.length > MAX_FILE_BYTES) {
        throw new Error(`The file is larger than ${MAX_FILE_BYTES} bytes`);
      }
      return { content: buffer.toString('utf8'), etag: response.etag };
    } catch (error) {
      if (error instanceof Error && error.name === NotModifiedError.name) {
        return 'unchanged';
      }
      throw error;
    }
  }

  private async readFile(
    filePath: string,
    etag: string | undefined,
  ): Promise<SloFileContent | 'unchanged'> {
    const stat = await fs.stat(filePath);
    if (stat.size > MAX_FILE_BYTES) {
      throw new Error(`The file is larger than ${MAX_FILE_BYTES} bytes`);
    }
    const buffer = await fs.readFile(filePath);
    // A content hash rather than the modification time: checkouts and copies change mtimes.
    const hash = createHash('sha256').update(buffer).digest('hex');
    if (etag === hash) {
      return 'unchanged';
    }
    return { content: buffer.toString('utf8'), etag: hash };
  }
}
