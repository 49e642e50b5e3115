import { checkoutEntity } from './__testUtils__/facts';
import { entityBasicFacts } from './entityBasicFacts';

describe('entityBasicFacts', () => {
  it('reads the fields, annotations, links and completes the owner and system refs', () => {
    const facts = entityBasicFacts(checkoutEntity(), {
      ownerIsGroup: true,
      domainRef: 'domain:default/Commerce',
    });
    expect(facts).toMatchObject({
      ref: 'component:default/checkout',
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/payments',
      ownerIsGroup: true,
      systemRef: 'system:default/shop',
      domainRef: 'domain:default/commerce',
      tier: 1,
      labels: { 'example.com/cost-center': 'cc-42' },
      links: [
        {
          url: 'https://grafana.example.com/d/checkout',
          title: 'Checkout overview',
          type: 'dashboard',
        },
      ],
    });
    expect(facts.annotations['reliability/tier']).toBe('1');
  });

  it('keeps an owner ref that names its kind and namespace', () => {
    const entity = checkoutEntity();
    entity.spec = { owner: 'user:people/Jane' };
    expect(entityBasicFacts(entity).ownerRef).toBe('user:people/jane');
  });

  it('leaves out what the entity does not say and ignores malformed fields', () => {
    const facts = entityBasicFacts({
      kind: 'Component',
      metadata: {
        name: 'bare',
        annotations: { 'reliability/tier': 'gold' },
        links: [{ title: 'no url' }],
      },
      spec: 'not a mapping',
    });
    expect(facts).toMatchObject({
      ref: 'component:default/bare',
      namespace: 'default',
      links: [],
      labels: {},
    });
    expect(facts.ownerRef).toBeUndefined();
    expect(facts.tier).toBeUndefined();
    expect(facts.ownerIsGroup).toBeUndefined();
  });

  it('takes an entity typed as an interface, like the catalog Entity', () => {
    interface CatalogEntity {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string };
    }
    const entity: CatalogEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'shop', namespace: 'retail' },
    };
    const facts = entityBasicFacts(entity);
    expect(facts.ref).toBe('system:retail/shop');
    expect(facts.raw).toBe(entity);
  });
});
