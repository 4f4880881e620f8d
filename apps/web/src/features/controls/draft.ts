import type {
  ControlAction,
  ControlInitiative,
  ControlOutcome,
  ControlType,
  DurationBand,
  LegalBasis,
  SelectionReason,
  SubjectKind,
} from '@pvi/contracts';
import type { InvalidParam, RegistrationBody } from './queue.ts';

/** Where: a buurt (picked, or found from the position) or, offline, the position itself. */
export type Place =
  | { kind: 'buurt'; code: string; label: string; gemeenteCode: string; wijkCode: string | null }
  | { kind: 'position'; lat: number; lng: number };

export type YesNo = 'yes' | 'no';

/** The form's state: strings as the inputs hold them; '' is "not chosen". */
export interface Draft {
  id: string;
  /** `YYYY-MM-DDTHH:mm` on the device's clock; '' is "now". */
  occurredAt: string;
  place: Place | null;
  controlType: ControlType | '';
  initiative: ControlInitiative | '';
  selectionReason: SelectionReason | '';
  reasonText: string;
  legalBasis: LegalBasis | '';
  explained: YesNo | '';
  notExplainedWhy: string;
  actions: ControlAction[];
  outcome: ControlOutcome | '';
  outcomeLinked: YesNo | '';
  durationBand: DurationBand | '';
  subjectKind: SubjectKind | '';
  subjectKey: string;
}
export type FieldKey = Exclude<keyof Draft, 'id'>;

/**
 * A new registration. The defaults are the most common answers, so that a routine control takes
 * a few taps: now, the last place, proactive, an identity check, explained, no outcome, < 5 min.
 * What the control was about (type, reason) is always chosen.
 */
export function emptyDraft(lastPlace: Place | null, id = crypto.randomUUID()): Draft {
  return {
    id,
    occurredAt: '',
    place: lastPlace,
    controlType: '',
    initiative: 'proactive',
    selectionReason: '',
    reasonText: '',
    legalBasis: '',
    explained: 'yes',
    notExplainedWhy: '',
    actions: ['identity_check'],
    outcome: 'none',
    outcomeLinked: 'no',
    durationBand: 'lt5',
    subjectKind: '',
    subjectKey: '',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the value of a datetime-local input on this device's clock. */
export function localInputValue(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A problem the form finds before anything is queued: the field and a `controls.check` key. */
export interface DraftProblem {
  field: FieldKey;
  code: string;
}

/**
 * The answers the form can check without the server: what is required, and what a choice
 * makes required. The rules between fields are the server's (shown from its 400).
 */
export function checkDraft(d: Draft): DraftProblem[] {
  const out: DraftProblem[] = [];
  const need = (field: FieldKey, missing: boolean, code: string = field) => {
    if (missing) out.push({ field, code });
  };
  need('occurredAt', d.occurredAt !== '' && Number.isNaN(new Date(d.occurredAt).getTime()));
  need('place', d.place === null);
  need('controlType', !d.controlType);
  need('initiative', !d.initiative);
  need('selectionReason', !d.selectionReason);
  need('reasonText', d.selectionReason === 'other' && !d.reasonText.trim(), 'reasonTextOther');
  need('explained', !d.explained);
  need('notExplainedWhy', d.explained === 'no' && !d.notExplainedWhy.trim());
  need('outcome', !d.outcome);
  need('outcomeLinked', !d.outcomeLinked);
  need('durationBand', !d.durationBand);
  need('subjectKey', d.subjectKind !== '' && d.subjectKey.trim().length < 4);
  return out;
}

/** The body to queue; call only when checkDraft found nothing. */
export function bodyOf(d: Draft, now: Date): RegistrationBody {
  const reasonText = d.reasonText.trim();
  const why = d.notExplainedWhy.trim();
  return {
    id: d.id,
    // "Now" is fixed when queued: a resend must send the same body.
    occurredAt: (d.occurredAt ? new Date(d.occurredAt) : now).toISOString(),
    ...(d.place?.kind === 'buurt'
      ? { buurtCode: d.place.code }
      : d.place
        ? { position: { lat: d.place.lat, lng: d.place.lng } }
        : {}),
    controlType: d.controlType as ControlType,
    initiative: d.initiative as ControlInitiative,
    selectionReason: d.selectionReason as SelectionReason,
    ...(reasonText ? { reasonText } : {}),
    ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
    explained: d.explained === 'yes',
    ...(d.explained === 'no' && why ? { notExplainedWhy: why } : {}),
    actions: d.actions,
    outcome: d.outcome as ControlOutcome,
    outcomeLinked: d.outcomeLinked === 'yes',
    durationBand: d.durationBand as DurationBand,
    ...(d.subjectKind ? { subjectKind: d.subjectKind, subjectKey: d.subjectKey.trim() } : {}),
  };
}

/** A queued body back into the form (to fix what the server refused). */
export function draftOf(b: RegistrationBody, places: Record<string, Place>): Draft {
  const place: Place | null = b.buurtCode
    ? (places[b.buurtCode] ?? {
        kind: 'buurt',
        code: b.buurtCode,
        label: b.buurtCode,
        gemeenteCode: `GM${b.buurtCode.slice(2, 6)}`,
        wijkCode: null,
      })
    : b.position
      ? { kind: 'position', ...b.position }
      : null;
  return {
    id: b.id,
    occurredAt: b.occurredAt ? localInputValue(b.occurredAt) : '',
    place,
    controlType: b.controlType,
    initiative: b.initiative,
    selectionReason: b.selectionReason,
    reasonText: b.reasonText ?? '',
    legalBasis: b.legalBasis ?? '',
    explained: b.explained ? 'yes' : 'no',
    notExplainedWhy: b.notExplainedWhy ?? '',
    actions: b.actions,
    outcome: b.outcome,
    outcomeLinked: b.outcomeLinked ? 'yes' : 'no',
    durationBand: b.durationBand,
    subjectKind: b.subjectKind ?? '',
    subjectKey: b.subjectKey ?? '',
  };
}

/** The form field a server error belongs to (`buurtCode`, `position.lat` → place). */
export function fieldOfParam(p: InvalidParam): FieldKey | null {
  const head = p.name.split(/[.[]/)[0] ?? '';
  if (head === 'buurtCode' || head === 'position') return 'place';
  const known: FieldKey[] = [
    'occurredAt',
    'controlType',
    'initiative',
    'selectionReason',
    'reasonText',
    'legalBasis',
    'explained',
    'notExplainedWhy',
    'actions',
    'outcome',
    'outcomeLinked',
    'durationBand',
    'subjectKind',
    'subjectKey',
  ];
  return known.find((k) => k === head) ?? null;
}

/** The id of the element an error links to: the field's input, or its first choice. */
export function anchorOf(field: FieldKey | null): string {
  const first: Partial<Record<FieldKey, string>> = {
    place: 'ctl-place-gps',
    controlType: 'ctl-controlType-person',
    initiative: 'ctl-initiative-proactive',
    selectionReason: 'ctl-selectionReason-behaviour',
    legalBasis: 'ctl-legalBasis',
    explained: 'ctl-explained-yes',
    actions: 'ctl-actions-identity_check',
    outcome: 'ctl-outcome-none',
    outcomeLinked: 'ctl-outcomeLinked-yes',
    durationBand: 'ctl-durationBand-lt5',
    subjectKind: 'ctl-subjectKind-none',
  };
  if (!field) return 'ctl-form';
  return first[field] ?? `ctl-${field}`;
}
