import { describe, expect, it } from 'vitest';
import { openGiftAttributes } from '../../../../site/islands/open-gift-project.ts';

describe('the open gift project on /my/', () => {
  it('is kept on the my-gifts root as data attributes, and none when no gift is open', () => {
    expect(openGiftAttributes({ slug: 'minxian-zhuxue', title: '岷县助学' })).toEqual({
      'data-open-project': 'minxian-zhuxue',
      'data-open-project-title': '岷县助学',
    });
    expect(openGiftAttributes(null)).toEqual({});
  });
});
