import type { Database } from '@pvi/db';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { CsvSource, ProgressListener, RowProblem } from '../../org/import/csv.ts';
import * as repo from '../controls.repository.ts';
import { readRows, type RowItem } from './read-rows.ts';

/**
 * Columns we accept, each under its own name or CBS's (Kerncijfers wijken en buurten: `Codering`,
 * `Regioaanduiding`/`WijkenEnBuurten`; PDOK wijkenbuurten: `buurtcode`, `buurtnaam`, …).
 */
const CODE = [
  'code',
  'codering',
  'wijkenenbuurten',
  'regiocode',
  'buurtcode',
  'wijkcode',
  'gemeentecode',
];
const NAME = [
  'name',
  'naam',
  'regioaanduiding',
  'regionaam',
  'buurtnaam',
  'wijknaam',
  'gemeentenaam',
];
const LAT = ['lat', 'latitude', 'centroid_lat'];
const LNG = ['lng', 'lon', 'longitude', 'centroid_lng', 'centroid_lon'];

const AREA_CODE = /^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;

export interface AreaImportResult {
  ok: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

const first = (header: string[], names: string[]) => names.find((n) => header.includes(n));

/** The delimiter of a CBS file (`;`) or ours (`,`), from the header line. */
async function delimiterOf(source: CsvSource): Promise<string> {
  for await (const chunk of source.stream()) {
    const line = (chunk as Buffer).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
    return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
  }
  return ',';
}

/** CBS areas from a CSV: all or nothing, like the org import; the same file twice changes nothing. */
export function createAreaImportService(deps: { db: Database; audit: AuditService }) {
  const { db, audit } = deps;

  async function importAreas(
    source: CsvSource,
    options: { actor: Actor; onProgress?: ProgressListener },
  ): Promise<AreaImportResult> {
    const problems: RowProblem[] = [];
    const rows: Parameters<typeof repo.upsertAreas>[1] = [];
    const seen = new Map<string, number>();
    let columns: { code: string; name: string; lat: string; lng: string } | null = null;
    let count = 0;
    const delimiter = await delimiterOf(source);
    const items: RowItem[] = [];
    for await (const batch of readRows(source, [], (p) => problems.push(p), options.onProgress, {
      delimiter,
    }))
      items.push(...batch);
    for (const item of items) {
      if ('header' in item) {
        const [code, name, lat, lng] = [CODE, NAME, LAT, LNG].map((n) => first(item.header, n));
        if (!code || !name || !lat || !lng) {
          problems.push({
            line: 1,
            reason: `The header needs a code (${CODE.join('|')}), a name (${NAME.join('|')}), lat (${LAT.join('|')}) and lng (${LNG.join('|')}) column.`,
          });
          break;
        }
        columns = { code, name, lat, lng };
        continue;
      }
      if (!columns) break;
      count++;
      if ('bad' in item) {
        problems.push({ line: item.line, reason: item.bad });
        continue;
      }
      const v = item.values;
      const code = (v[columns.code] ?? '').trim().toUpperCase();
      const name = (v[columns.name] ?? '').trim();
      const lat = Number((v[columns.lat] ?? '').replace(',', '.'));
      const lng = Number((v[columns.lng] ?? '').replace(',', '.'));
      const reasons: string[] = [];
      if (!AREA_CODE.test(code)) reasons.push(`code "${code}" is not a CBS GM, WK or BU code`);
      if (!name || name.length > 200) reasons.push('name is empty or longer than 200 characters');
      if (!Number.isFinite(lat) || lat < 50 || lat > 54)
        reasons.push(`lat "${v[columns.lat] ?? ''}" is not a latitude in the Netherlands`);
      if (!Number.isFinite(lng) || lng < 3 || lng > 8)
        reasons.push(`lng "${v[columns.lng] ?? ''}" is not a longitude in the Netherlands`);
      const earlier = seen.get(code);
      if (earlier) reasons.push(`code ${code} appears twice (also on line ${earlier})`);
      if (reasons.length) {
        problems.push({ line: item.line, reason: `${reasons.join('; ')}.` });
        continue;
      }
      seen.set(code, item.line);
      const level = code.startsWith('GM') ? 'gemeente' : code.startsWith('WK') ? 'wijk' : 'buurt';
      rows.push({
        code,
        level,
        name,
        gemeenteCode: `GM${code.slice(2, 6)}`,
        wijkCode: level === 'gemeente' ? null : `WK${code.slice(2, 8)}`,
        lat,
        lng,
      });
    }
    if (problems.length)
      return {
        ok: false,
        rows: count,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        problems: problems.sort((a, b) => a.line - b.line),
      };
    options.onProgress?.({ phase: 'writing', done: 0, total: rows.length });
    const counts = await db.transaction(async (tx) => {
      let inserted = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += 5000) {
        const c = await repo.upsertAreas(tx, rows.slice(i, i + 5000), false);
        inserted += c.inserted;
        updated += c.updated;
      }
      await audit.record(tx, options.actor, {
        action: 'import',
        recordType: 'area',
        details: { rows: rows.length, inserted, updated },
      });
      return { inserted, updated };
    });
    options.onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
    return {
      ok: true,
      rows: count,
      ...counts,
      unchanged: rows.length - counts.inserted - counts.updated,
      problems: [],
    };
  }

  return { importAreas };
}
export type AreaImportService = ReturnType<typeof createAreaImportService>;
