import { describe, expect, it } from 'vitest';
import { SHARE_IMAGE_SIZE, type ShareNode, shareCardTree } from '../../../../../site/lib/share-image/share-card.ts';

/** Every text the tree would draw, in order. */
function texts(node: ShareNode | string): string[] {
  if (typeof node === 'string') return [node];
  const { children } = node.props;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

describe('the share card tree', () => {
  const card = {
    kind: '慈善项目',
    title: '阿里地区低保家庭成长助学服务项目',
    subtitle: '实施机构：高原远山公益服务中心',
    figures: [
      { label: '项目状态', value: '募捐中' },
      { label: '募捐目标', value: '50.00 万元' },
    ],
  };

  it('is 1200×630, the Open Graph size, and draws the kind, title, subtitle and figures in order', () => {
    const tree = shareCardTree(card);
    expect(SHARE_IMAGE_SIZE).toEqual({ width: 1200, height: 630 });
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
    expect(texts(tree)).toEqual([
      '衔接 · 慈善项目',
      card.title,
      card.subtitle,
      '项目状态',
      '募捐中',
      '募捐目标',
      '50.00 万元',
    ]);
  });

  it('draws the note under the figures', () => {
    const drawn = texts(shareCardTree({ ...card, note: '已筹金额截至2026年9月20日' }));
    expect(drawn.at(-1)).toBe('已筹金额截至2026年9月20日');
  });

  it('draws at most three figures and no subtitle when there is none', () => {
    const figures = ['一', '二', '三', '四'].map((n) => ({ label: n, value: n }));
    const drawn = texts(shareCardTree({ kind: '典型案例', title: '标题', figures }));
    expect(drawn).toEqual(['衔接 · 典型案例', '标题', '一', '一', '二', '二', '三', '三']);
  });

  it('sets long titles smaller and clamps them to three lines', () => {
    const short = shareCardTree({ kind: 'k', title: '短标题', figures: [] });
    const long = shareCardTree({ kind: 'k', title: '长'.repeat(40), figures: [] });
    const titleStyle = (tree: ShareNode) => {
      const body = (tree.props.children as ShareNode[])[1] as ShareNode;
      return ((body.props.children as ShareNode[])[1] as ShareNode).props.style;
    };
    expect(titleStyle(short)).toMatchObject({ fontSize: 64, lineClamp: 3 });
    expect(titleStyle(long)).toMatchObject({ fontSize: 56, lineClamp: 3 });
  });
});
