/**
 * The `reliability` CLI: validates catalog annotations and SLO files, generates Prometheus rules.
 *
 * @packageDocumentation
 */
import { main } from './main';

main(process.argv).then(code => {
  process.exitCode = code;
});
