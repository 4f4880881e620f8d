import { render, screen, within } from '@testing-library/react';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import type { SurveyReport } from '@pvi/contracts';
import { ScaleTable } from './ScaleTable.tsx';
import { GroupHeatmap } from './GroupHeatmap.tsx';

const title = (nl: string) => ({ nl, en: nl });
const report: SurveyReport = {
  wave: { id: '00000000-0000-4000-8000-000000000001', name: 'Ronde', instrumentKey: 'memo' },
  group: {
    key: 'team:x',
    level: 'team',
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Basisteam Test',
    filter: null,
    shown: true,
    reasons: [],
    invited: 20,
    respondents: 12,
    responseRate: 0.6,
  },
  rules: { minGroupSize: 5, minOpenAnswerGroupSize: 10 },
  scales: [
    {
      key: 'social_safety',
      title: title('Sociale veiligheid'),
      n: 12,
      mean: 3.456,
      sd: 0.8,
      favourable: { kind: 'exact', value: 0.72 },
      interval: { lower: 0.43, upper: 0.9 },
      parent: { difference: 0.42, effect: 'medium', significant: true, p: 0.01 },
      previous: { difference: -0.1, effect: 'none', significant: null, p: null },
    },
    {
      key: 'workload',
      title: title('Werkdruk'),
      n: 6,
      mean: null,
      sd: null,
      favourable: { kind: 'coarsened', bound: 'atLeast', value: 0.9 },
      interval: null,
      parent: null,
      previous: { difference: -0.6, effect: 'large', significant: false, p: 0.2 },
    },
  ],
  items: null,
  openAnswers: null,
  children: [],
  background: [],
  conversationKit: null,
};

describe('ScaleTable', () => {
  it('shows share, interval and mean, a coarsened share as a bound, and differences in words', () => {
    render(<ScaleTable report={report} />);
    const table = screen.getByRole('table', { name: 'Uitkomsten per thema voor Basisteam Test' });
    const [, safety, workload] = within(table).getAllByRole('row');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(within(safety!).getByRole('rowheader').textContent).toBe('Sociale veiligheid');
    expect(cells(safety!)).toEqual([
      '72 %',
      '43–90 %',
      '3,46',
      '12',
      '▲ +0,42middelgroot verschil · significant',
      '▼ -0,10geen verschil van betekenis · te weinig respondenten voor een uitspraak',
    ]);
    // Coarsened: no mean, no interval; colour never alone: the size is in words.
    expect(cells(workload!)).toEqual([
      '≥ 90 %',
      '—',
      '—',
      '6',
      'niet te vergelijken',
      '▼ -0,60groot verschil · niet significant',
    ]);
    expect(screen.getByText(/is afgerond om de anonimiteit te beschermen/)).toBeTruthy();
  });
});

describe('GroupHeatmap', () => {
  it('has row and column headers, shares as text, links, and says why a hidden group has none', async () => {
    const withChildren: SurveyReport = {
      ...report,
      group: { ...report.group, level: 'district', name: 'District Test' },
      children: [
        {
          key: 'team:a',
          level: 'team',
          id: '00000000-0000-4000-8000-00000000000a',
          name: 'Team A',
          shown: true,
          reasons: [],
          respondents: 14,
          scales: { social_safety: { kind: 'exact', value: 0.41 } },
        },
        {
          key: 'team:b',
          level: 'team',
          id: null,
          name: 'Team B',
          shown: false,
          reasons: ['below_k_respondents'],
          respondents: null,
          scales: null,
        },
      ],
    };
    // Links need a router: one root route that renders the heatmap.
    const rootRoute = createRootRoute({
      component: () => (
        <GroupHeatmap
          report={withChildren}
          caption="Heatmap"
          columns={[
            { key: 'social_safety', title: 'Sociale veiligheid' },
            { key: 'workload', title: 'Werkdruk' },
          ]}
        />
      ),
    });
    const router = createRouter({
      routeTree: rootRoute,
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    render(<RouterProvider router={router} />);
    await screen.findByRole('table', { name: 'Heatmap' });
    const table = screen.getByRole('table', { name: 'Heatmap' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Onderdeel', 'Respondenten', 'Sociale veiligheid', 'Werkdruk']);
    const [, a, b] = within(table).getAllByRole('row');
    expect(within(a!).getByRole('link', { name: 'Team A' }).getAttribute('href')).toBe(
      `/teammonitor/${report.wave.id}/teams/00000000-0000-4000-8000-00000000000a`,
    );
    expect(
      within(a!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['14', '41 %', '—']);
    const hidden = within(b!).getAllByRole('cell');
    expect(hidden[1]!.textContent).toBe(
      'te weinig respondenten (minder dan 5 mensen vulden de vragenlijst in)',
    );
    expect(hidden[1]!.getAttribute('colspan')).toBe('2');
  });
});
