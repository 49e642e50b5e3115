// Entry point of `yarn bench:frontend`: the benchmark is an ES module (playwright-core and the
// shared e2e harness are imported as modules).
import('./index.mjs').catch(error => {
  console.error(error);
  process.exit(1);
});
