import { describe, expect, it } from 'vitest';
import { passesLuhn } from '../../../../content/rules/luhn.ts';

describe('passesLuhn', () => {
  it.each([
    ['79927398713', true, 'textbook example'],
    ['79927398710', false, 'textbook example, wrong check digit'],
    ['4111111111111111', true, 'Visa test card'],
    ['4111111111111112', false, 'Visa test card, last digit changed'],
    ['5105105105105100', true, 'Mastercard test card'],
    ['6222021234567890128', true, '19-digit UnionPay-style number'],
    ['6222021234567890127', false, '19 digits, wrong check digit'],
    ['6228480012345671', true, '16 digits'],
    ['4000123456789010', false, 'one off'],
    ['4000123456789017', true, 'corrected'],
    ['00', true, 'all zeros'],
    ['0', false, 'a single digit has no payload'],
    ['', false, 'empty'],
    ['4111 1111 1111 1111', false, 'spaces are not stripped here'],
    ['411111111111111a', false, 'letters'],
  ])('%s → %s (%s)', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});
