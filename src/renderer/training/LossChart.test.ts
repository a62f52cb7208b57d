import { describe, expect, it } from 'vitest';
import { lossPolyline } from './LossChart';

describe('the loss chart', () => {
  it('puts the first step on the left and the highest loss at the top', () => {
    const points = lossPolyline([
      { step: 1, loss: 2 },
      { step: 2, loss: 1 },
      { step: 3, loss: 0 },
    ])
      .split(' ')
      .map((pair) => pair.split(',').map(Number));
    expect(points).toEqual([
      [3, 3],
      [80, 20],
      [157, 37],
    ]);
  });

  it('draws one flat point for a single step, and nothing without losses', () => {
    expect(lossPolyline([{ step: 5, loss: 0.7 }])).toBe('3.0,20.0');
    expect(lossPolyline([])).toBe('');
  });
});
