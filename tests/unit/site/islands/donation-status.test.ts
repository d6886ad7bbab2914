import { describe, expect, it } from 'vitest';
import { asDonationStatus } from '../../../../site/islands/donation-status.ts';

const answer = {
  donationId: 'd-1',
  status: 'paid',
  amountFen: 5000,
  project: { slug: 'p-1', title: '乡村助学', charity: { slug: 'c-1', name: '某某慈善会' } },
};

describe('reading the donation status answer', () => {
  it("keeps a cause gift's routing reason, and only a well-formed one", () => {
    expect(asDonationStatus({ ...answer, routing: { reason: '选定理由' } })?.routing).toEqual({ reason: '选定理由' });
    expect(asDonationStatus(answer)).toEqual(answer);
    expect(asDonationStatus({ ...answer, routing: { reason: 5 } })).toEqual(answer);
    expect(asDonationStatus({ ...answer, status: 'lost' })).toBeNull();
  });
});
