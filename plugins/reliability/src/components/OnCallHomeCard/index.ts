export { OnCallHomeCard } from './OnCallHomeCard';
