import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CbsAnalysis, CbsImportResult, ControlAnalysis } from '@pvi/contracts';
import { insertControlRows } from '../src/modules/controls/controls.repository.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { signInAs, type Session } from './factories.ts';
import { aggregateCsv, generateRecords } from './cbs-fixture.ts';

// The analysis of CBS aggregates must equal the analysis of the records they were made from.
// Same k (5) as the analysis of our records, so the two apply the same small-cell rule.
let t: TestApp;
let cdo: Session;
const records = generateRecords();
const fixturePath = new URL('./fixtures/cbs-aggregates.csv', import.meta.url);

beforeAll(async () => {
  t = await createTestApp({ config: { cbsMinCell: 5 } });
  await insertControlRows(
    t.database.db,
    records.map((r) => r.row),
  );
  cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

async function fromRecords(query: string): Promise<ControlAnalysis> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/controls/analysis/national?from=2023-12-31&to=2025-01-01&source=police-uk&groupAttribute=self_defined${query}`,
    headers: cdo.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ControlAnalysis>();
}

async function fromAggregates(id: string, query: string): Promise<CbsAnalysis> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/controls/cbs/datasets/${id}/analysis?${query}`,
    headers: cdo.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CbsAnalysis>();
}

describe('the analysis of CBS aggregates', () => {
  it('uses a fixture that is the aggregate of the generated records', async () => {
    expect(aggregateCsv(records)).toBe(await readFile(fixturePath, 'utf8'));
  });

  it('equals the analysis of the raw records: disparity and veil of darkness', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/controls/cbs/datasets?title=Fixture&source=synthetic',
      headers: { ...cdo.headers, 'content-type': 'text/csv' },
      payload: await readFile(fixturePath, 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const imported = res.json<CbsImportResult>();
    expect(imported.problems).toEqual([]);

    for (const query of ['', 'referenceGroup=Black&focusGroup=Asian']) {
      const raw = await fromRecords(query ? `&${query}` : '');
      const agg = await fromAggregates(imported.dataset.id, query);
      expect(raw.disparity).not.toBeNull();
      expect(agg.disparity!.referenceGroup).toBe(raw.disparity!.referenceGroup);
      expect(agg.disparity!.groups).toEqual(raw.disparity!.groups);
      // Every group is shown, and the outcome test was run for the others.
      expect(agg.disparity!.groups.every((g) => g.suppressed === null)).toBe(true);
      expect(agg.disparity!.groups.filter((g) => g.outcomeTest).length).toBe(2);

      // The same cells in another order: equal up to rounding in the last digits.
      const { groupAttribute: _attribute, darkness: rawDark, ...rawCounts } = raw.veilOfDarkness!;
      const { darkness: aggDark, ...aggCounts } = agg.veilOfDarkness!;
      expect(aggCounts).toEqual(rawCounts);
      expect(rawDark).not.toBeNull();
      for (const key of ['oddsRatio', 'oddsRatioLower', 'oddsRatioUpper', 'z', 'p'] as const)
        expect(aggDark![key]).toBeCloseTo(rawDark![key], 10);

      const unknown = (a: {
        exclusions: { analysis: string; reason: string; controls: number | null }[];
      }) =>
        a.exclusions.find((e) => e.analysis === 'disparity' && e.reason === 'unknown_group')
          ?.controls;
      expect(unknown(agg)).toBe(unknown(raw));
      expect(unknown(agg)).toBe(records.filter((r) => r.group === null).length);
    }
  });
});
