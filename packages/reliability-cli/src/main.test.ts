import { main } from './main';

describe('reliability CLI', () => {
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    stdout.mockRestore();
    stderr.mockRestore();
  });

  it('prints help and exits 0 on --help', async () => {
    await expect(main(['node', 'reliability', '--help'])).resolves.toBe(0);
    expect(stdout.mock.calls.join('')).toContain('Usage: reliability');
  });

  it('exits 2 with help on an unknown command', async () => {
    await expect(main(['node', 'reliability', 'frobnicate'])).resolves.toBe(2);
    expect(stderr.mock.calls.join('')).toMatch(/error/);
  });
});
