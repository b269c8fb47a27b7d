import { describe, expect, it } from 'vitest';
import { bubbleHeight, bubbleSide } from '../../src/ui/CalloutLayer';

/** Two instances side by side with little room between them, as the faults tour draws i-a1 and i-b1. */
const A = { x: 100, y: 200, w: 220, h: 120 };
const B = { x: 340, y: 200, w: 220, h: 120 };

describe("a callout's bubble beside its node", () => {
  it('takes the first side of right, left, below and above that covers no other node', () => {
    const h = bubbleHeight('ECS marked its agent disconnected at 4:41 (back at 5:00): watch its task');
    // Right would lie over its neighbour; the left has no room in the view; below is free.
    expect(bubbleSide(A, h, [B], 1280, 720)).toEqual({ side: 'below', x: 100, y: 330 });
    // With room on the left, it goes there.
    expect(bubbleSide({ ...A, x: 400 }, h, [{ ...B, x: 640 }], 1280, 720)).toEqual({ side: 'left', x: 390, y: 200 });
    // Nothing beside it: right.
    expect(bubbleSide(A, h, [], 1280, 720).side).toBe('right');
  });

  it('when every side that fits covers a node, takes the first that fits; when none fits, above', () => {
    const h = bubbleHeight('Watch');
    const around = [B, { x: 0, y: 330, w: 600, h: 200 }, { x: 0, y: 0, w: 600, h: 195 }];
    expect(bubbleSide(A, h, around, 1280, 720).side).toBe('right');
    expect(bubbleSide({ x: 0, y: 0, w: 300, h: 100 }, h, [], 300, 100)).toEqual({ side: 'above', x: 0, y: -10 });
  });
});
