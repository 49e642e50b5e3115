import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* and waitFor wait for what the test expects, up to a deadline; Testing Library's 1 s
// default is a machine speed, not a behaviour (see plugins/reliability/src/setupTests.ts).
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
