import { describe, expect, it } from 'vitest';
import { backgroundGroups, buildTree } from './report.tree.ts';

const team = (
  id: string,
  unit: string,
  district: string | null,
  invited: number,
  respondents: number,
) => ({
  team_id: id,
  team_name: `Team ${id}`,
  unit_id: unit,
  unit_name: `Unit ${unit}`,
  district_id: district,
  district_name: district ? `District ${district}` : null,
  invited,
  respondents,
});

describe('buildTree', () => {
  const tree = buildTree({
    teams: [
      team('a', 'u1', 'd1', 10, 8),
      team('b', 'u1', 'd1', 7, 6),
      team('c', 'u1', null, 5, 5),
      team('d', 'u2', 'd2', 20, 12),
    ],
    scales: [
      { team_id: 'a', scale_key: 's', n: 8, sum: 30, sumsq: 120, fav: 5 },
      { team_id: 'b', scale_key: 's', n: 6, sum: 20, sumsq: 70, fav: 2 },
      { team_id: 'd', scale_key: 's', n: 12, sum: 48, sumsq: 200, fav: 9 },
    ],
    open: [{ team_id: 'c', item_key: 'o', text: 'tekst' }],
  });

  it('hangs teams under their district, or under the unit when they have none', () => {
    expect(tree.get('team:a')!.parentKey).toBe('district:d1');
    expect(tree.get('team:c')!.parentKey).toBe('unit:u1');
    expect(tree.get('district:d1')!.parentKey).toBe('unit:u1');
    expect(tree.get('unit:u2')!.parentKey).toBe('national');
  });

  it('sums counts and sufficient statistics exactly up the tree', () => {
    expect(tree.get('district:d1')).toMatchObject({ invited: 17, respondents: 14 });
    expect(tree.get('unit:u1')).toMatchObject({ invited: 22, respondents: 19 });
    expect(tree.get('national')).toMatchObject({ invited: 42, respondents: 31 });
    expect(tree.get('unit:u1')!.scales.get('s')).toEqual({ n: 14, sum: 50, sumsq: 190, fav: 7 });
    expect(tree.get('national')!.scales.get('s')).toEqual({ n: 26, sum: 98, sumsq: 390, fav: 16 });
    expect(tree.get('national')!.open).toEqual([{ itemKey: 'o', text: 'tekst' }]);
  });

  it('adds background views to units and to the national group', () => {
    const views = backgroundGroups(
      tree,
      'gender',
      [
        { unit_id: 'u1', value: 1, respondents: 9 },
        { unit_id: 'u2', value: 1, respondents: 4 },
      ],
      [{ unit_id: 'u1', value: 1, scale_key: 's', n: 9, sum: 30, sumsq: 110, fav: 4 }],
    );
    const byKey = new Map(views.map((v) => [v.key, v]));
    expect(byKey.get('unit:u1|gender=1')).toMatchObject({
      respondents: 9,
      parentKey: 'unit:u1',
      filter: 'gender=1',
    });
    expect(byKey.get('national|gender=1')).toMatchObject({ respondents: 13, level: 'national' });
    expect(byKey.get('unit:u2|gender=1')!.scales.size).toBe(0);
  });
});
