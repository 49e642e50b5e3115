import {
  RELIABILITY_ON_CALL_PLACEMENT,
  withReliabilityOnCall,
} from './ReliabilityHomePageLayout';

describe('withReliabilityOnCall', () => {
  it('adds the on-call widget and moves what sat below it in its column', () => {
    const config = [
      { component: 'Starred', column: 4, row: 2, width: 4, height: 4 },
      { component: 'Toolkit', column: 4, row: 6, width: 4, height: 3 },
      { component: 'Clock', column: 8, row: 6, width: 4, height: 3 },
    ];

    expect(withReliabilityOnCall(config)).toEqual([
      config[0],
      { ...config[1], row: 11 },
      config[2],
      RELIABILITY_ON_CALL_PLACEMENT,
    ]);
  });

  it('keeps a layout that places the widget itself', () => {
    const config = [
      {
        component: 'ReliabilityOnCall',
        column: 0,
        row: 0,
        width: 6,
        height: 4,
      },
    ];

    expect(withReliabilityOnCall(config)).toBe(config);
  });
});
