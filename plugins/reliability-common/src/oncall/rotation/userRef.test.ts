import { normalizeUserEntityRef } from './userRef';

describe('normalizeUserEntityRef', () => {
  it.each([
    ['alice', 'user:default/alice'],
    ['ops/alice', 'user:ops/alice'],
    ['user:default/bob', 'user:default/bob'],
    ['User:Default/Bob.Smith', 'user:default/bob.smith'],
    ['  carol  ', 'user:default/carol'],
  ])('normalises %j to %j', (text, ref) => {
    expect(normalizeUserEntityRef(text)).toEqual({ ref });
  });

  it('refuses other kinds', () => {
    expect(normalizeUserEntityRef('group:default/sre')).toEqual({
      error:
        '"group:default/sre" refers to a group, but only users can be on call: write a user name such as "jane" or a ref such as "user:default/jane"',
    });
  });

  it('refuses empty parts', () => {
    expect(normalizeUserEntityRef('user:/bob')).toHaveProperty('error');
    expect(normalizeUserEntityRef('')).toHaveProperty('error');
  });

  it('suggests the entity name for email addresses', () => {
    const result = normalizeUserEntityRef('jane@example.com');
    expect('error' in result && result.error).toMatch(
      /looks like an email address/,
    );
  });

  it('refuses names the catalog would not accept', () => {
    expect(normalizeUserEntityRef('user:default/a:b')).toHaveProperty('error');
    expect(normalizeUserEntityRef('-bob')).toHaveProperty('error');
    expect(normalizeUserEntityRef('x'.repeat(64))).toHaveProperty('error');
  });
});
