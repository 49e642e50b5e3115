import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GOALERT_QUERY_DOCUMENT } from './queries';

describe('GOALERT_QUERY_DOCUMENT', () => {
  it('is in the README byte for byte, so that keys created from it work', () => {
    const readme = readFileSync(
      resolve(__dirname, '../../../README.md'),
      'utf8',
    );
    expect(readme).toContain(`\`\`\`graphql\n${GOALERT_QUERY_DOCUMENT}\`\`\``);
  });
});
