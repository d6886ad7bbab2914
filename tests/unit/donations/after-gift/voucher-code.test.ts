import { describe, expect, it } from 'vitest';
import { anonymisedDonor } from '../../../../donations/after-gift/voucher-code.ts';

describe('anonymisedDonor', () => {
  it('keeps the first character only, and not even the length of the name', () => {
    expect(anonymisedDonor({ anonymous: 0, display_name: '张三' })).toBe('张**');
    expect(anonymisedDonor({ anonymous: 0, display_name: ' 欧阳小明 ' })).toBe('欧**');
    expect(anonymisedDonor({ anonymous: 1, display_name: null })).toBe('匿名捐赠者');
    expect(anonymisedDonor({ anonymous: 0, display_name: null })).toBe('匿名捐赠者');
  });
});
