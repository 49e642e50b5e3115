import '@testing-library/jest-dom';

// recharts' ResponsiveContainer observes its size; jsdom has no layout and no ResizeObserver.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
