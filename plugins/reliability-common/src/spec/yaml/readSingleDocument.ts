import { z } from 'zod';
import type { SpecProblem } from '../../problems';
import { checkSchema } from '../validation/checkSchema';
import { readYamlFile } from './readYamlFile';
import type { YamlObject } from './YamlObject';

/**
 * A file that holds exactly one document of one kind (a rotation, a runbook), read with the shared
 * YAML guards and checked strictly against its schema.
 *
 * @internal
 */
export interface SingleDocument<T> {
  /** The document and its typed data, when it is there and matches the schema. */
  document?: { object: YamlObject; data: T };
  problems: SpecProblem[];
}

/**
 * Reads `text` as one YAML document and checks it against `schema`, unknown fields being errors.
 * `what` names the file for the problem when it holds nothing, a list or several documents, e.g.
 * "a runbook file holds exactly one document with apiVersion reliability.dev/v1 and kind Runbook".
 *
 * @internal
 */
export function readSingleDocument<T>(options: {
  text: string;
  file: string;
  schema: z.ZodType<T>;
  what: string;
}): SingleDocument<T> {
  const { text, file, schema, what } = options;
  const contents = readYamlFile({ path: file, content: text });
  const problems = [...contents.problems];
  if (problems.some(problem => problem.severity === 'error')) {
    return { problems };
  }
  const count = contents.objects.length;
  if (count !== 1 || contents.objects[0].basePath.length > 0) {
    let found = `${count} documents`;
    if (count === 0) {
      found = 'nothing';
    } else if (contents.objects[0].basePath.length > 0) {
      found = 'a list';
    }
    problems.push({
      file,
      line: 1,
      column: 1,
      path: '',
      message: `${what}, found ${found}`,
      severity: 'error',
    });
    return { problems };
  }
  const object = contents.objects[0];
  const check = checkSchema(schema, object, { unknownFields: 'error' });
  problems.push(...check.problems);
  if (!check.data) {
    return { problems };
  }
  return { document: { object, data: check.data }, problems };
}
