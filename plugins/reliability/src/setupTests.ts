import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* and waitFor wait for what the test expects, up to a deadline. Testing Library's 1 s
// default is a machine speed, not a behaviour: one role query over a card took longer than that
// in a fresh-clone run at load 9, so the deadlines are generous and a failing test only reports
// later. The test's own deadline stays above them.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

// recharts' ResponsiveContainer observes its size; jsdom has no layout and no ResizeObserver.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
