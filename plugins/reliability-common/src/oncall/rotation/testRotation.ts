import type { Rotation } from './model';
import { parseRotationFile } from './parseRotationFile';

/**
 * A rotation from the `spec` part of a file (indented by two spaces), for tests; fails the test
 * when the file has problems.
 *
 * @internal
 */
export function testRotation(spec: string, name = 'payments-oncall'): Rotation {
  const text = [
    'apiVersion: reliability.dev/v1',
    'kind: Rotation',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    spec.replace(/^\n/, '').replace(/\s+$/, ''),
  ].join('\n');
  const { rotation, problems } = parseRotationFile(text, { file: 'r.yaml' });
  if (!rotation) {
    throw new Error(
      `test rotation has problems: ${JSON.stringify(problems, null, 2)}`,
    );
  }
  return rotation;
}
