import { OnCallHomeCard } from './OnCallHomeCard';

/** The parts the home page's card renderer asks for (legacy `createCardExtension`, new widget). */
export const Content = () => <OnCallHomeCard />;
