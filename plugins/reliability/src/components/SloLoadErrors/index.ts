export { SloLoadErrors } from './SloLoadErrors';
