import { describe, expect, it } from 'vitest';
import { idBirthDate, isResidentIdNumber, residentIdCheckChar } from '../../../../content/rules/id-number.ts';

// Check characters were computed by hand with ISO 7064 MOD 11-2; 11010519491231002X is the
// example printed in GB 11643-1999.
describe('isResidentIdNumber', () => {
  it.each([
    ['11010519491231002X', true, 'standard example, check X'],
    ['11010519491231002x', true, 'lower-case x'],
    ['110101199003071233', true, 'check digit 3'],
    ['621126200002291238', true, '2000-02-29: a leap century'],
    ['621126198802291236', true, '1988-02-29: a leap year'],
    ['621126190001010012', true, 'born 1900-01-01, the earliest year accepted'],
    ['621126199003070028', true, 'also happens to pass Luhn'],
    ['621126202302290017', false, '2023-02-29 does not exist'],
    ['62112619000229001X', false, '1900 was not a leap year'],
    ['440524188001010014', false, 'right checksum, but born 1880'],
    ['621126209901010015', false, 'right checksum, but born in the future'],
    ['110101199002300014', false, '30 February'],
    ['110101199013070015', false, 'month 13'],
    ['010101199003070018', false, 'region cannot start with 0'],
    ['110101199003071234', false, 'wrong check digit (should be 3)'],
    ['11010519491231002Y', false, 'Y is no check character'],
    ['110101199003071X33', false, 'X only at the end'],
    ['11010119900307123', false, '17 characters'],
    ['1101011990030712333', false, '19 characters'],
    ['110101 19900307 1233', false, 'spaces (the lint strips them itself)'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (id, expected) => {
    expect(isResidentIdNumber(id)).toBe(expected);
  });

  it('judges the birth year against the year it is given', () => {
    expect(isResidentIdNumber('621126209901010015', 2099)).toBe(true);
    expect(isResidentIdNumber('621126209901010015', 2098)).toBe(false);
  });
});

describe('residentIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['11010119900307001', '1'],
    ['11010119900307002', 'X'],
    ['11010119900307003', '8'],
    ['11010119900307004', '6'],
    ['11010119900307005', '4'],
    ['11010119900307006', '2'],
    ['11010119900307007', '0'],
    ['11010119900307008', '9'],
    ['11010119900307009', '7'],
    ['11010119900307123', '3'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, expected) => {
    expect(residentIdCheckChar(first17)).toBe(expected);
  });

  it.each([['1101011990030700'], ['1101011990030700X'], ['110101199003070011']])('throws on %s', (bad) => {
    expect(() => residentIdCheckChar(bad)).toThrow();
  });
});

describe('idBirthDate', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', '18 characters, right checksum'],
    ['110105194912310021', '1949-12-31', '18 characters, wrong checksum: the date is still there'],
    ['11010519491231002', '1949-12-31', '17 digits (a truncation)'],
    ['110105491231002', '1949-12-31', '15 digits, 19xx'],
    ['110105199002300014', null, '30 February'],
    ['110105188001010014', null, 'born 1880'],
    ['110105209901010015', null, 'born in the future'],
    ['110105999999002', null, '15 digits without a date'],
    ['1101051949123100', null, '16 digits'],
    ['11010519491231002XX', null, '19 characters'],
  ] as [string, string | null, string][])('%s → %s (%s)', (digits, expected) => {
    expect(idBirthDate(digits, 2025)).toBe(expected);
  });
});
