import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';

/**
 * The largest JSON body the API accepts: a push of the most buckets the spec allows (10,000) fits
 * with room to spare. Express's default, 100 kB, refused such pushes.
 *
 * @internal
 */
export const JSON_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * A request body over the size limit: HTTP 413, which Backstage's error middleware answers with
 * the status this error carries.
 *
 * @internal
 */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413 as const;
}

/**
 * Parses JSON bodies up to {@link JSON_BODY_LIMIT_BYTES}. It runs before the OpenAPI validator's
 * router, whose error transformer turns every error of its own middleware into a 400; from here a
 * body over the limit answers 413, naming its size and the limit, and malformed JSON stays a 400.
 *
 * @internal
 */
export function jsonBody(): express.RequestHandler {
  const parse = express.json({ limit: JSON_BODY_LIMIT_BYTES });
  return (req, res, next) =>
    parse(req, res, (error?: any) => {
      if (!error) {
        next();
      } else if (error.type === 'entity.too.large') {
        const size =
          typeof error.length === 'number'
            ? `${error.length.toLocaleString('en-US')} bytes`
            : 'larger than that';
        next(
          new PayloadTooLargeError(
            `The request body is too large: the limit is ${JSON_BODY_LIMIT_BYTES.toLocaleString(
              'en-US',
            )} bytes (5 MB) and this one is ${size}; send the data in smaller requests`,
          ),
        );
      } else {
        next(new InputError(error.message));
      }
    });
}
