import { describe, expect, it } from 'vitest';
import {
  teamIdFrom,
  teamModerationCommandSchema,
  teamModerationInputSchema,
  teamModerationNoteIssue,
} from '../../../../content/contracts/team-moderation.ts';

describe('teamIdFrom: the team as an editor pastes it', () => {
  it.each([
    ['abcdefgh2345', 'abcdefgh2345'],
    ['  abcdefgh2345\n', 'abcdefgh2345'],
    ['https://xianjie.example/teams/?id=abcdefgh2345', 'abcdefgh2345'],
    ['https://xianjie.example/teams/?utm=x&id=abcdefgh2345#top', 'abcdefgh2345'],
    ['快来支持 https://xianjie.example/teams/?id=abcdefgh2345', 'abcdefgh2345'],
    ['https://xianjie.example/api/teams/abcdefgh2345/poster.png', 'abcdefgh2345'],
  ])('%s → %s', (input, id) => expect(teamIdFrom(input)).toBe(id));

  it.each([
    'abcdefgh234',
    'ABCDEFGH2345',
    'abcdefgh23450',
    'https://xianjie.example/teams/?id=abcdefgh23459',
    '岷县助学小队',
    '',
  ])('refuses %j', (input) => expect(teamIdFrom(input)).toBeNull());
});

describe('teamModerationInputSchema', () => {
  it('keeps the id, the reason and a trimmed note (empty → null)', () => {
    expect(
      teamModerationInputSchema.parse({ team: '?id=abcdefgh2345', reason: 'advertising', note: '  广告  ' }),
    ).toEqual({ team: 'abcdefgh2345', reason: 'advertising', note: '广告' });
    expect(teamModerationInputSchema.parse({ team: 'abcdefgh2345', reason: 'other', note: '' }).note).toBeNull();
  });

  it('refuses in Chinese, naming what is accepted', () => {
    const bad = teamModerationInputSchema.safeParse({ team: 'x', reason: 'because', note: '好'.repeat(201) });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages.join()).toContain('分享链接');
    expect(messages.join()).toContain('名称或宣言不当');
    expect(messages.join()).toContain('200');
  });

  it('finds personal information in the note', () => {
    expect(teamModerationNoteIssue('发起人电话 13912345678')).toMatch(/^备注/);
    expect(teamModerationNoteIssue('名称含不当用语')).toBeNull();
    expect(teamModerationNoteIssue(null)).toBeNull();
  });
});

describe('teamModerationCommandSchema', () => {
  it('takes a hide with the editor’s charities, or a restore', () => {
    const hide = {
      action: 'hide',
      entry: 'k3j2h1',
      team: 'abcdefgh2345',
      charities: ['gansu-cishan'],
      reason: 'other',
    };
    expect(teamModerationCommandSchema.parse(hide)).toEqual(hide);
    expect(teamModerationCommandSchema.parse({ action: 'restore', entry: 'k3j2h1' })).toEqual({
      action: 'restore',
      entry: 'k3j2h1',
    });
  });

  it('refuses a hide without charities or with anything more', () => {
    const base = { action: 'hide', entry: 'k3j2h1', team: 'abcdefgh2345', reason: 'other' };
    expect(teamModerationCommandSchema.safeParse({ ...base, charities: [] }).success).toBe(false);
    expect(teamModerationCommandSchema.safeParse({ ...base, charities: ['a'], all: true }).success).toBe(false);
  });
});
