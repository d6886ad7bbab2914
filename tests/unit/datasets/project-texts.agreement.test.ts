import { describe, expect, it } from 'vitest';
import { GROUP_THEMES, groupsNamedIn } from '../../../datasets/group-themes.ts';
import { demo } from '../../support/fixtures/datasets.ts';

/**
 * Title, tags and text agree for every demo project: a group named in the title is tagged and
 * named in the story; the summary and story name every tagged group and no other.
 */
describe('demo projects: title, tags and story agree', () => {
  const s = demo();

  it('every variant’s people and titles name their own group and no other', () => {
    for (const [group, theme] of Object.entries(GROUP_THEMES)) {
      for (const v of theme.variants) {
        for (const text of v.people) expect(groupsNamedIn(text), text).toEqual([group]);
        for (const text of v.titles) expect(groupsNamedIn(text), text).toEqual([group]);
      }
    }
  });

  for (const field of ['title', 'summary', 'story'] as const) {
    it(`no ${field} names a group the project does not serve`, () => {
      const wrong = s.projects.flatMap((p) =>
        groupsNamedIn(p[field])
          .filter((g) => !p.targetGroups.includes(g))
          .map((g) => `${p.slug}: ${g}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('each group named in a title is in the tags and in the story', () => {
    for (const p of s.projects) {
      for (const g of groupsNamedIn(p.title)) {
        expect(p.targetGroups, p.title).toContain(g);
        expect(groupsNamedIn(p.story), p.title).toContain(g);
      }
    }
  });

  it('every tagged group is named in the summary or the story', () => {
    const missing = s.projects.flatMap((p) => {
      const named = groupsNamedIn(`${p.summary}\n${p.story}`);
      return p.targetGroups.filter((g) => !named.includes(g)).map((g) => `${p.slug}: ${g}`);
    });
    expect(missing).toEqual([]);
  });

  it('a 大病帮扶 or 透析 title belongs to a project for the seriously ill', () => {
    for (const p of s.projects.filter((x) => /大病帮扶|透析/.test(x.title))) {
      expect(p.targetGroups, p.title).toContain('seriously-ill');
    }
  });

  it('case summaries of child-variant projects are children, and cases name no other group', () => {
    const projects = new Map(s.projects.map((p) => [p.slug, p]));
    for (const c of s.caseSummaries) {
      const p = projects.get(c.project);
      expect(p?.targetGroups, c.slug).toContain(c.group);
      const child =
        (c.group === 'seriously-ill' && p?.title.includes('患儿')) ||
        (c.group === 'disabled' && p?.title.includes('残疾儿童'));
      if (child) expect(['0-5', '6-13', '14-17'], c.slug).toContain(c.ageBand);
      const text = [c.situation, c.governmentAssistance, c.charityHelp, c.outcome].join('');
      const wrong = groupsNamedIn(text).filter((g) => !p?.targetGroups.includes(g));
      expect(wrong, c.slug).toEqual([]);
    }
  });
});
