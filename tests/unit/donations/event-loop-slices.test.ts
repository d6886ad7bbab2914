import { describe, expect, it } from 'vitest';
import { slices } from '../../../donations/event-loop-slices.ts';

describe('slices: a long loop lets other work in', () => {
  it('does not yield within the budget, and yields to queued work once past it', async () => {
    let clock = 0;
    const breathe = slices(10, () => clock);
    clock = 9;
    expect(breathe()).toBeUndefined();

    clock = 25;
    const order: string[] = [];
    setImmediate(() => order.push('other request'));
    const pause = breathe();
    expect(pause).toBeInstanceOf(Promise);
    await pause;
    order.push('loop goes on');
    expect(order).toEqual(['other request', 'loop goes on']);

    // A new slice starts when the loop resumes.
    clock = 30;
    expect(breathe()).toBeUndefined();
    clock = 41;
    expect(breathe()).toBeInstanceOf(Promise);
  });
});
