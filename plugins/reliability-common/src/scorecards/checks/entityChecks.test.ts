import { healthyFacts, runCheck } from '../__testUtils__/facts';
import {
  dashboardLinkPresentCheck,
  descriptionPresentCheck,
  ownerIsGroupCheck,
  tierDeclaredCheck,
} from './entityChecks';

describe('owner-is-group', () => {
  it('passes when the owner resolves to a group', () => {
    expect(runCheck(ownerIsGroupCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'owned by the group group:default/payments',
    });
  });

  it('fails when the owner is a person', () => {
    const facts = healthyFacts({
      ownerRef: 'user:default/jane',
      ownerIsGroup: false,
    });
    expect(runCheck(ownerIsGroupCheck, facts)).toEqual({
      status: 'fail',
      message: 'the owner user:default/jane is not a Group in the catalog',
    });
  });

  it('fails without an owner', () => {
    const facts = healthyFacts({
      ownerRef: undefined,
      ownerIsGroup: undefined,
    });
    expect(runCheck(ownerIsGroupCheck, facts).status).toBe('fail');
  });

  it('is unknown when the owner was not looked up', () => {
    const facts = healthyFacts({ ownerIsGroup: undefined });
    expect(runCheck(ownerIsGroupCheck, facts).status).toBe('unknown');
  });
});

describe('description-present', () => {
  it('passes with a description', () => {
    expect(runCheck(descriptionPresentCheck, healthyFacts()).status).toBe(
      'pass',
    );
  });

  it('fails with a blank description', () => {
    const result = runCheck(
      descriptionPresentCheck,
      healthyFacts({ description: '   ' }),
    );
    expect(result).toEqual({
      status: 'fail',
      message: 'metadata.description is not set',
    });
  });

  it('fails when the description is shorter than minLength', () => {
    const result = runCheck(
      descriptionPresentCheck,
      healthyFacts({ description: 'Checkout' }),
      { minLength: 20 },
    );
    expect(result).toEqual({
      status: 'fail',
      message: 'the description has 8 characters, at least 20 are required',
    });
  });
});

describe('tier-declared', () => {
  it('passes with a valid tier', () => {
    expect(runCheck(tierDeclaredCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'tier 1',
    });
  });

  it('fails without the annotation', () => {
    const facts = healthyFacts({ tier: undefined, annotations: {} });
    expect(runCheck(tierDeclaredCheck, facts)).toEqual({
      status: 'fail',
      message: 'the reliability/tier annotation is not set',
    });
  });

  it('fails and quotes a value that is not a tier', () => {
    const facts = healthyFacts({
      tier: undefined,
      annotations: { 'reliability/tier': 'gold' },
    });
    expect(runCheck(tierDeclaredCheck, facts).message).toContain('"gold"');
  });
});

describe('dashboard-link-present', () => {
  it('passes with a link of type dashboard', () => {
    expect(runCheck(dashboardLinkPresentCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'links the dashboard Checkout overview',
    });
  });

  it('passes with a dashboard plugin annotation', () => {
    const facts = healthyFacts({
      links: [],
      annotations: { 'grafana/dashboard-selector': "tags @> 'checkout'" },
    });
    expect(runCheck(dashboardLinkPresentCheck, facts).status).toBe('pass');
  });

  it('passes with an annotation added through params', () => {
    const facts = healthyFacts({
      links: [],
      annotations: { 'example.com/dashboard': 'https://dash.example.com/1' },
    });
    expect(
      runCheck(dashboardLinkPresentCheck, facts, {
        annotations: ['example.com/dashboard'],
      }).status,
    ).toBe('pass');
    expect(runCheck(dashboardLinkPresentCheck, facts).status).toBe('fail');
  });

  it('fails with only other links', () => {
    const facts = healthyFacts({
      links: [{ url: 'https://example.com', type: 'website' }],
      annotations: {},
    });
    expect(runCheck(dashboardLinkPresentCheck, facts)).toEqual({
      status: 'fail',
      message: 'no link of type "dashboard" and no dashboard annotation',
    });
  });
});
