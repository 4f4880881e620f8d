import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import type { Area } from '@pvi/contracts';
import { SelectField } from '../admin/Fields.tsx';
import { areasInGemeenteQuery, gemeentenQuery, nearestBuurt } from './api.ts';
import type { Place } from './draft.ts';

const LAST_PLACE_KEY = 'pvi.controls.lastPlace';

/** The buurt of the previous registration on this device: officers mostly stay in their area. */
export function loadLastPlace(): Place | null {
  try {
    const p = JSON.parse(localStorage.getItem(LAST_PLACE_KEY) ?? 'null') as Place | null;
    return p?.kind === 'buurt' ? p : null;
  } catch {
    return null;
  }
}
export function saveLastPlace(place: Place | null) {
  if (place?.kind === 'buurt') localStorage.setItem(LAST_PLACE_KEY, JSON.stringify(place));
}

export const placeOfArea = (a: Area): Place => ({
  kind: 'buurt',
  code: a.code,
  label: [a.name, a.wijk?.name, a.gemeente.name].filter(Boolean).join(', '),
  gemeenteCode: a.gemeente.code,
  wijkCode: a.wijk?.code ?? null,
});

type Locating = 'idle' | 'busy' | 'denied' | 'failed' | 'offline';

/**
 * Where the control took place: from the phone's position (the nearest buurt; offline the
 * position itself, which the server turns into the buurt) or picked as gemeente → wijk → buurt.
 * Only the buurt is stored on the server.
 */
export function PlaceField(props: {
  place: Place | null;
  onChange: (place: Place) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState<Locating>('idle');
  const buurt = props.place?.kind === 'buurt' ? props.place : null;
  const [gemeente, setGemeente] = useState(buurt?.gemeenteCode ?? '');
  const [wijk, setWijk] = useState(buurt?.wijkCode ?? '');
  const gemeenten = useQuery(gemeentenQuery);
  const wijken = useQuery({ ...areasInGemeenteQuery('wijk', gemeente), enabled: gemeente !== '' });
  const buurten = useQuery({
    ...areasInGemeenteQuery('buurt', gemeente),
    enabled: gemeente !== '',
  });
  // A place set from outside (GPS, a queued registration) moves the pickers along.
  const [seen, setSeen] = useState(buurt?.code ?? '');
  if (buurt && buurt.code !== seen) {
    setSeen(buurt.code);
    setGemeente(buurt.gemeenteCode);
    setWijk(buurt.wijkCode ?? '');
  }

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude: lat, longitude: lng } = position.coords;
        nearestBuurt(lat, lng).then(
          (found) => {
            if (found) {
              props.onChange(placeOfArea(found));
              setLocating('idle');
            } else setLocating('failed');
          },
          () => {
            // No connection: keep the position; the server finds the buurt when it is sent.
            props.onChange({ kind: 'position', lat, lng });
            setLocating('offline');
          },
        );
      },
      (error) => {
        setLocating(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const errorId = 'ctl-place-error';
  const shownBuurten = (buurten.data?.items ?? []).filter((b) => !wijk || b.wijk?.code === wijk);
  return (
    <Fieldset
      invalid={Boolean(props.error)}
      aria-describedby={props.error ? `ctl-place-description ${errorId}` : 'ctl-place-description'}
      className="pvi-fieldset pvi-choice-group"
    >
      <FieldsetLegend>
        {t('controls.field.place')} <span className="pvi-muted">({t('form.required')})</span>
      </FieldsetLegend>
      <p id="ctl-place-description" className="pvi-muted">
        {t('controls.place.hint')}
      </p>
      {props.error && (
        <p id={errorId} className="pvi-field-error">
          {props.error}
        </p>
      )}
      <Paragraph className="pvi-place__current" aria-live="polite">
        {props.place?.kind === 'buurt'
          ? t('controls.place.chosen', { place: props.place.label })
          : props.place?.kind === 'position'
            ? t('controls.place.position')
            : t('controls.place.none')}
      </Paragraph>
      <Button
        id="ctl-place-gps"
        type="button"
        appearance="secondary-action-button"
        className="pvi-submit"
        disabled={locating === 'busy'}
        onClick={locate}
      >
        {t('controls.place.gps')}
      </Button>
      <p role="status" className="pvi-muted">
        {locating === 'idle' ? '' : t(`controls.place.locating.${locating}`)}
      </p>
      <div className="pvi-place__pick">
        <SelectField
          id="ctl-gemeente"
          label={t('controls.place.gemeente')}
          required={false}
          value={gemeente}
          empty={t('controls.place.choose')}
          busy={gemeenten.isPending}
          options={(gemeenten.data?.items ?? []).map((g) => ({ value: g.code, label: g.name }))}
          onChange={(v) => {
            setGemeente(v);
            setWijk('');
          }}
        />
        <SelectField
          id="ctl-wijk"
          label={t('controls.place.wijk')}
          required={false}
          value={wijk}
          empty={t('controls.place.allWijken')}
          disabled={!gemeente}
          options={(wijken.data?.items ?? []).map((w) => ({ value: w.code, label: w.name }))}
          onChange={setWijk}
        />
        <SelectField
          id="ctl-buurt"
          label={t('controls.place.buurt')}
          required={false}
          value={buurt && shownBuurten.some((b) => b.code === buurt.code) ? buurt.code : ''}
          empty={t('controls.place.choose')}
          disabled={!gemeente}
          options={shownBuurten.map((b) => ({ value: b.code, label: b.name }))}
          onChange={(code) => {
            const found = shownBuurten.find((b) => b.code === code);
            if (found) props.onChange(placeOfArea(found));
          }}
        />
      </div>
    </Fieldset>
  );
}
