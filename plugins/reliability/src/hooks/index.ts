export { useEntitySlos } from './useEntitySlos';
export { useSloHistory } from './useSloHistory';
