import { InvalidArgumentError } from 'commander';
import { collectKeyValue } from './parseKeyValue';

describe('collectKeyValue', () => {
  it('collects repeated key=value pairs, splitting at the first =', () => {
    const first = collectKeyValue('env=prod');
    expect(collectKeyValue('query=a=b', first)).toEqual({
      env: 'prod',
      query: 'a=b',
    });
  });

  it('lets a later value win', () => {
    expect(collectKeyValue('env=dev', { env: 'prod' })).toEqual({ env: 'dev' });
  });

  it('rejects text without a key', () => {
    expect(() => collectKeyValue('novalue')).toThrow(InvalidArgumentError);
    expect(() => collectKeyValue('=x')).toThrow(InvalidArgumentError);
  });
});
