// The jest configuration `backstage-cli package test` uses, for Stryker's jest runner. The fuzz
// tests are left out: they read corpora from outside the sandbox Stryker copies the package to,
// and they explore inputs rather than pin behaviour, so they would only slow every mutant down.
module.exports = (async () => {
  const config = await require('@backstage/cli/config/jest');
  return {
    ...config,
    testPathIgnorePatterns: [
      ...(config.testPathIgnorePatterns ?? ['/node_modules/']),
      '\\.fuzz\\.test\\.ts$',
    ],
  };
})();
