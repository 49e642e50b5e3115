import { isCreatePermission } from '@backstage/plugin-permission-common';
import {
  reliabilityPermissions,
  reliabilitySliWritePermission,
} from './permissions';

describe('reliability permissions', () => {
  it('names the SLI write permission as the API documents it', () => {
    expect(reliabilitySliWritePermission.name).toBe('reliability.sli.write');
    expect(isCreatePermission(reliabilitySliWritePermission)).toBe(true);
  });

  it('lists every permission once', () => {
    const names = reliabilityPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('reliability.sli.write');
  });
});
