import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';

/**
 * A button for an action that needs a second thought: it first asks the question beside it,
 * with "yes" and "cancel" buttons. Focus moves to the question's button and back on cancel.
 */
export function ConfirmButton(props: {
  label: string;
  /** A fuller name for the button, starting with its visible label. */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [asking]);

  if (!asking)
    return (
      <Button
        ref={startRef}
        type="button"
        appearance="secondary-action-button"
        disabled={props.disabled}
        aria-label={props.ariaLabel}
        onClick={() => {
          setAsking(true);
        }}
      >
        {props.label}
      </Button>
    );
  return (
    <span className="pvi-confirm" role="group" aria-label={props.question}>
      <span>{props.question}</span>
      <Button
        ref={confirmRef}
        type="button"
        appearance="primary-action-button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void Promise.resolve(props.onConfirm()).finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {props.confirmLabel}
      </Button>
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={busy}
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {t('confirm.cancel')}
      </Button>
    </span>
  );
}
