import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AnalysisShare, ReflectionFigures } from '@pvi/contracts';
import { FiguresSummary } from './FiguresSummary.tsx';
import { Prompts } from './Prompts.tsx';

const share = (successes: number, n: number, lower: number, upper: number): AnalysisShare => ({
  n,
  successes,
  share: { estimate: successes / n, lower, upper },
  suppressed: null,
});
const hidden: AnalysisShare = { n: 3, successes: null, share: null, suppressed: 'Fewer than 5' };

const figures: ReflectionFigures = {
  team: { id: '00000000-0000-4000-8000-000000000001', name: 'Basisteam Test' },
  from: '2025-01-01',
  to: '2025-12-31',
  minCellSize: 5,
  controls: 200,
  legalBasis: share(198, 200, 0.96, 1),
  reasonText: share(196, 200, 0.95, 0.99),
  explained: share(150, 200, 0.69, 0.8),
  hitRate: share(60, 200, 0.24, 0.37),
  bySelectionReason: [
    { key: 'behaviour', label: 'behaviour', hitRate: share(10, 100, 0.05, 0.17) },
    { key: 'other', label: 'other', hitRate: hidden },
  ],
  byLegalBasis: [],
  exclusions: [],
};

describe('the reflection page’s figures and prompts', () => {
  it('writes out why the figures point at a theme, in Dutch', () => {
    render(<Prompts figures={figures} />);
    expect(
      screen.getByText(
        /de trefkans bij selectie op Gedrag \(10 %\) ligt duidelijk onder die van het team \(30 %\)/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/bij 75 % van de controles is de reden aan de persoon uitgelegd/),
    ).toBeTruthy();
    expect(screen.getAllByText('Aandachtspunt:')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Professionele bejegening' })).toBeTruthy();
  });

  it('shows shares with their interval and says when a cell is not shown', () => {
    render(<FiguresSummary figures={figures} />);
    expect(screen.getByText('200 controles in deze periode.')).toBeTruthy();
    const explained = screen.getByRole('row', { name: /Reden uitgelegd aan de persoon/ });
    expect(explained.textContent).toContain('75 %');
    expect(explained.textContent).toContain('69–80 %');
    const other = screen.getByRole('row', { name: /Anders/ });
    expect(other.textContent).toContain('niet getoond (te weinig controles)');
  });

  it('has an empty state without controls', () => {
    render(<FiguresSummary figures={{ ...figures, controls: 0 }} />);
    expect(screen.getByText('Geen controles van dit team in deze periode.')).toBeTruthy();
  });
});
