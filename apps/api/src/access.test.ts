import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grantCovers, type GrantRef, type Location } from './access.ts';

const id = fc.constantFrom('a', 'b', 'c');
const location = fc.record({
  unitId: id,
  districtId: fc.option(id, { nil: null }),
  teamId: fc.option(id, { nil: null }),
});
const grant = (scopeType: GrantRef['scopeType'], scopeId: string | null): GrantRef => ({
  id: 'g',
  role: 'teamchef',
  scopeType,
  scopeId,
});

describe('grantCovers', () => {
  it('covers everything nationally', () => {
    fc.assert(fc.property(location, (loc: Location) => grantCovers(grant('national', null), loc)));
  });

  it('covers a place only when the place lies inside the granted unit, district or team', () => {
    fc.assert(
      fc.property(location, id, (loc: Location, scopeId) => {
        expect(grantCovers(grant('unit', scopeId), loc)).toBe(loc.unitId === scopeId);
        expect(grantCovers(grant('district', scopeId), loc)).toBe(loc.districtId === scopeId);
        expect(grantCovers(grant('team', scopeId), loc)).toBe(loc.teamId === scopeId);
      }),
    );
  });

  it('never lets a team or district grant see a whole unit', () => {
    const unitOnly: Location = { unitId: 'a', districtId: null, teamId: null };
    expect(grantCovers(grant('district', 'a'), unitOnly)).toBe(false);
    expect(grantCovers(grant('team', 'a'), unitOnly)).toBe(false);
  });
});
