import { isCreatePermission } from '@backstage/plugin-permission-common';
import {
  reliabilityExemptionApprovePermission,
  reliabilityExemptionRequestPermission,
  reliabilityPermissions,
  reliabilityRunbookFlagCreatePermission,
  reliabilityRunbookFlagResolvePermission,
  reliabilitySliWritePermission,
} from './permissions';

describe('reliability permissions', () => {
  it('names the SLI write permission as the API documents it', () => {
    expect(reliabilitySliWritePermission.name).toBe('reliability.sli.write');
    expect(isCreatePermission(reliabilitySliWritePermission)).toBe(true);
  });

  it('names the exemption workflow permissions: owners request, approvers decide', () => {
    expect(reliabilityExemptionRequestPermission.name).toBe(
      'reliability.exemption.request',
    );
    expect(isCreatePermission(reliabilityExemptionRequestPermission)).toBe(
      true,
    );
    expect(reliabilityExemptionApprovePermission.name).toBe(
      'reliability.exemption.approve',
    );
    expect(reliabilityPermissions).toEqual(
      expect.arrayContaining([
        reliabilityExemptionRequestPermission,
        reliabilityExemptionApprovePermission,
      ]),
    );
  });

  it('lists every permission once', () => {
    const names = reliabilityPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('reliability.sli.write');
  });
});

describe('runbook flag permissions', () => {
  it('lets a policy decide flag resolution per entity, e.g. for its owners', () => {
    expect(reliabilityRunbookFlagResolvePermission).toMatchObject({
      name: 'reliability.runbook.flag.resolve',
      type: 'resource',
      resourceType: 'catalog-entity',
    });
    expect(isCreatePermission(reliabilityRunbookFlagCreatePermission)).toBe(
      true,
    );
    expect(reliabilityPermissions).toEqual(
      expect.arrayContaining([
        reliabilityRunbookFlagCreatePermission,
        reliabilityRunbookFlagResolvePermission,
      ]),
    );
  });
});
