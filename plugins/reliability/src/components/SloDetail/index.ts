export { SloDetail, timeRangeOptions } from './SloDetail';
