import { describe, expect, it } from 'vitest';
import { teamTextIssue } from '../../../../content/rules/team-text.ts';

describe('team words', () => {
  it.each([
    ['岷县助学小队', null],
    ['一起为山里的孩子凑学费，每人十元也好', null],
    ['2026 春节暖冬队', null],
    ['<img src=x onerror=alert(1)>', 'html'],
    ['&#60;script&#62;', 'html'],
    ['看 www.example.cn', 'url'],
    ['example 点 com', 'url'],
    ['电话 13912345678', 'personal-info'],
    ['卡号 6222021234567890123', 'personal-info'],
    ['我妈妈生病了需要帮助', 'help-request'],
    ['水滴筹链接发群里', 'help-request'],
    ['患儿今年五岁', 'beneficiary'],
    ['加我微信领红包', 'ad'],
  ])('%s → %s', (text, problem) => {
    expect(teamTextIssue(text)?.problem ?? null).toBe(problem);
  });
});
