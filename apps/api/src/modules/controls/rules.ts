import type { ControlRegistration } from '@pvi/contracts';
import type { InvalidParam } from '../../errors.ts';

/** Registrations may arrive late from a phone that was offline, but not later than this. */
export const MAX_AGE_DAYS = 31;
/** Clock difference between phone and server that is still "now". */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;

/** The elfproef of a Dutch BSN: 9 digits, Σ dᵢ·(9−i) for i < 8, minus d₈, divisible by 11. */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Dutch licence plate side codes (L letter, D digit), 1–14. */
const PLATE_SHAPES = [
  'LL-DD-DD',
  'DD-DD-LL',
  'DD-LL-DD',
  'LL-DD-LL',
  'LL-LL-DD',
  'DD-LL-LL',
  'DD-LLL-D',
  'D-LLL-DD',
  'LL-DDD-L',
  'L-DDD-LL',
  'LLL-DD-L',
  'L-DD-LLL',
  'D-LL-DDD',
  'DDD-LL-D',
];
const WITH_DASHES = new Set(PLATE_SHAPES);
const WITHOUT_DASHES = new Set(PLATE_SHAPES.map((s) => s.replace(/-/g, '')));
const shapeOf = (token: string) =>
  token.toUpperCase().replace(/[A-Z]/g, 'L').replace(/[0-9]/g, 'D');

/** Whether one word looks like a Dutch licence plate (with or without dashes). */
export function looksLikePlate(token: string): boolean {
  const t = token.toUpperCase();
  // Most words of a reason text are not 6 or 8 characters long: skip them cheaply.
  if (t.length !== 6 && t.length !== 8) return false;
  if (t.includes('-')) return /^[A-Z0-9-]{8}$/.test(t) && WITH_DASHES.has(shapeOf(t));
  return (
    /^[A-Z0-9]{6}$/.test(t) && /[A-Z]/.test(t) && /\d/.test(t) && WITHOUT_DASHES.has(shapeOf(t))
  );
}

/** A clear-text identifier in free text: a BSN that passes the elfproef, or a licence plate. */
export function findClearIdentifier(text: string): 'bsn' | 'plate' | null {
  for (const match of text.matchAll(/(?<!\d)\d(?:[ .]?\d){8}(?!\d)/g)) {
    if (passesElfproef(match[0].replace(/\D/g, ''))) return 'bsn';
  }
  for (const word of text.split(/[^A-Za-z0-9-]+/)) {
    if (looksLikePlate(word.replace(/^-+|-+$/g, ''))) return 'plate';
  }
  return null;
}

const problem = (name: string, code: string, reason: string): InvalidParam => ({
  name,
  code,
  reason,
});

/**
 * The rules between fields of a registration (docs/controls.md lists them). Returns every
 * broken rule; an empty list means the registration may be stored.
 */
export function checkRegistration(body: ControlRegistration, now: Date): InvalidParam[] {
  const out: InvalidParam[] = [];
  const actions = new Set(body.actions);
  if (body.occurredAt) {
    const at = Date.parse(body.occurredAt);
    if (at > now.getTime() + FUTURE_TOLERANCE_MS)
      out.push(problem('occurredAt', 'in_future', 'The control cannot be in the future.'));
    else if (at < now.getTime() - MAX_AGE_DAYS * 86_400_000)
      out.push(
        problem(
          'occurredAt',
          'too_old',
          `A control is registered within ${MAX_AGE_DAYS} days; this one is older.`,
        ),
      );
  }
  if (!body.buurtCode && !body.position)
    out.push(problem('buurtCode', 'required', 'Give the buurt, or the position to find it.'));
  if (actions.size !== body.actions.length)
    out.push(problem('actions', 'duplicate', 'An action appears twice.'));
  if (actions.has('search_vehicle') && body.controlType === 'person')
    out.push(
      problem(
        'actions',
        'impossible_combination',
        'A vehicle was searched, but the control type is person: choose vehicle or both.',
      ),
    );
  if ((actions.has('frisk') || actions.has('search_person')) && body.controlType === 'vehicle')
    out.push(
      problem(
        'actions',
        'impossible_combination',
        'A person was frisked or searched, but the control type is vehicle: choose person or both.',
      ),
    );
  if (body.initiative === 'anpr' && body.controlType === 'person')
    out.push(
      problem(
        'initiative',
        'impossible_combination',
        'An ANPR hit concerns a vehicle: the control type must be vehicle or both.',
      ),
    );
  if (body.selectionReason === 'other' && !body.reasonText)
    out.push(problem('reasonText', 'required', 'Describe the reason when it is "other".'));
  if (!body.explained && !body.notExplainedWhy)
    out.push(
      problem('notExplainedWhy', 'required', 'Say why the reason was not explained to the person.'),
    );
  if (body.explained && body.notExplainedWhy)
    out.push(
      problem(
        'notExplainedWhy',
        'not_applicable',
        'The reason was explained: leave "why not explained" empty.',
      ),
    );
  if (body.outcome === 'none' && body.outcomeLinked)
    out.push(
      problem(
        'outcomeLinked',
        'impossible_combination',
        'Without an outcome there is nothing to link to the selection reason.',
      ),
    );
  if (body.subjectKey && !body.subjectKind)
    out.push(problem('subjectKind', 'required', 'Say whether the key is a person or a vehicle.'));
  if (body.subjectKind && !body.subjectKey)
    out.push(problem('subjectKey', 'required', 'Give the key, or leave the kind out.'));
  if (body.subjectKind === 'vehicle' && body.controlType === 'person')
    out.push(
      problem(
        'subjectKind',
        'impossible_combination',
        'A vehicle key in a person-only control: choose vehicle or both.',
      ),
    );
  for (const name of ['reasonText', 'notExplainedWhy'] as const) {
    const found = body[name] ? findClearIdentifier(body[name]) : null;
    if (found)
      out.push(
        problem(
          name,
          'clear_identifier',
          found === 'bsn'
            ? 'This text holds what looks like a BSN: leave identifiers out (use the subject key).'
            : 'This text holds what looks like a licence plate: leave identifiers out (use the subject key).',
        ),
      );
  }
  return out;
}
