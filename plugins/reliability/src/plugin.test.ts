import { reliabilityPlugin } from './plugin';

describe('reliability', () => {
  it('should export plugin', () => {
    expect(reliabilityPlugin).toBeDefined();
  });
});
