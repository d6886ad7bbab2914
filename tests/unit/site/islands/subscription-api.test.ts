import { describe, expect, it } from 'vitest';
import { asChangeAnswer, asSubscriptionAnswer } from '../../../../site/islands/subscription-api.ts';

describe('subscription answers, checked field by field', () => {
  const project = { slug: 'a', title: '甲' };

  it('believes a well-formed answer and nothing else', () => {
    expect(asSubscriptionAnswer({ status: 'confirmation-sent', message: '请查收', project })).toEqual({
      message: '请查收',
      project,
    });
    expect(asSubscriptionAnswer({ status: 'confirmed', message: 'x', project })).toBeNull();
    expect(asSubscriptionAnswer({ status: 'confirmation-sent', project })).toBeNull();
    expect(asChangeAnswer({ status: 'unsubscribed', project })).toEqual({ status: 'unsubscribed', project });
    expect(asChangeAnswer({ status: 'unsubscribed', project: { slug: 'a' } })).toBeNull();
    expect(asChangeAnswer(null)).toBeNull();
  });
});
