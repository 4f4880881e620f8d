import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hrIssuesOf } from './api.ts';
import { niceMax, segments, TrendChart } from './TrendChart.tsx';
import { validateRulesDraft } from '../monitor/WaveRules.tsx';

const percent = (v: number) => `${String(Math.round(v * 100))} %`;

describe('trend chart', () => {
  it('breaks a line at a gap instead of drawing through it', () => {
    expect(segments([1, 2, null, 4, null, null, 7, 8])).toEqual([
      [
        { index: 0, value: 1 },
        { index: 1, value: 2 },
      ],
      [{ index: 3, value: 4 }],
      [
        { index: 6, value: 7 },
        { index: 7, value: 8 },
      ],
    ]);
    expect(segments([null, null])).toEqual([]);
  });

  it('rounds the top of the axis up, and reaches at least the asked minimum', () => {
    expect(niceMax([12.2, 3], 0)).toBe(20);
    expect(niceMax([0.42], 1)).toBe(1);
    expect(niceMax([], 0)).toBe(1);
    expect(niceMax([340], 0)).toBe(400);
  });

  it('draws one line per run, a summary for screen readers, and the same figures as a table', () => {
    const { container } = render(
      <TrendChart
        title="Aandeel gunstig"
        points={['2024', '2025', '2026']}
        series={[
          {
            key: 'a',
            label: 'Sociale veiligheid',
            values: [0.5, null, 0.7],
            missing: [null, 'niet getoond (te weinig respondenten)', null],
          },
          { key: 'b', label: 'Werkdruk', values: [0.4, 0.45, 0.6] },
        ]}
        format={percent}
        minTop={1}
      />,
    );
    const chart = screen.getByRole('img', { name: /^Lijngrafiek: Aandeel gunstig, 3 punten/ });
    expect(chart.getAttribute('aria-label')).toContain('Sociale veiligheid, Werkdruk');
    // Series a has a gap in the middle: two single points, no line; series b one line.
    expect(container.querySelectorAll('.pvi-trend__series--0 polyline')).toHaveLength(0);
    expect(container.querySelectorAll('.pvi-trend__series--1 polyline')).toHaveLength(1);
    const table = screen.getByRole('table', { name: 'Aandeel gunstig' });
    const row = within(table).getByRole('row', { name: /^2025/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['niet getoond (te weinig respondenten)', '45 %']);
  });

  it('says so when there is nothing to draw', () => {
    render(
      <TrendChart
        title="Leeg"
        points={['2025']}
        series={[{ key: 'a', label: 'A', values: [null] }]}
        format={percent}
      />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    screen.getByText('Geen cijfers om te tonen.');
  });
});

describe('HR-import problems', () => {
  it('reads line and column from the API’s names and drops anything else', () => {
    expect(
      hrIssuesOf([
        { name: 'csv.line.3.team_code', code: 'unknown_team', reason: 'x' },
        { name: 'csv.line.12', code: 'duplicate', reason: 'y' },
        { name: 'body', code: 'invalid', reason: 'z' },
      ]),
    ).toEqual([
      { line: 3, field: 'team_code', code: 'unknown_team', reason: 'x' },
      { line: 12, field: null, code: 'duplicate', reason: 'y' },
    ]);
  });
});

describe('a draft wave’s rules', () => {
  const check = (minGroupSize: string, minOpenAnswerGroupSize: string) =>
    validateRulesDraft({ minGroupSize, minOpenAnswerGroupSize }, (f, min) => `${f}≥${String(min)}`);
  it('wants whole numbers, k from 2, open answers not from groups smaller than k', () => {
    expect(check('5', '10')).toEqual([]);
    expect(check('5', '5')).toEqual([]);
    expect(check('1', '10').map((e) => e.message)).toEqual(['minGroupSize≥2']);
    expect(check('12', '10').map((e) => e.message)).toEqual(['minOpenAnswerGroupSize≥12']);
    expect(check('4,5', 'x').map((e) => e.message)).toEqual([
      'minGroupSize≥2',
      'minOpenAnswerGroupSize≥2',
    ]);
    expect(check('1001', '1001').map((e) => e.message)).toEqual([
      'minGroupSize≥2',
      'minOpenAnswerGroupSize≥2',
    ]);
  });
});
