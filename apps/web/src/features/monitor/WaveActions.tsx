import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Wave } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import { runWaveAction, type WaveAction } from './api.ts';

/** What the wave's status allows, in order. */
const ACTIONS: Record<Wave['status'], WaveAction[]> = {
  draft: ['open'],
  open: ['remind', 'close'],
  closed: [],
};

/** Open, remind and close, each after a confirmation; the outcome is announced. */
export function WaveActions({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const actions = ACTIONS[wave.status];
  const headingRef = useRef<HTMLHeadingElement>(null);

  const run = async (action: WaveAction) => {
    setMessage(null);
    setFailure(null);
    try {
      const event = await runWaveAction(wave.id, action);
      client.setQueryData(['survey-wave', wave.id], event.wave);
      await client.invalidateQueries({ queryKey: ['survey-waves'] });
      setMessage(
        t(`monitor.actions.done.${action}`, {
          count: event.mailsQueued,
          formatted: formatNumber(event.mailsQueued),
        }),
      );
      // The button that was pressed may be gone (a draft that opened): keep the focus here.
      headingRef.current?.focus();
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setFailure(
        status === 403
          ? t('monitor.actions.forbidden')
          : status === 409
            ? t(`monitor.actions.conflict.${action}`)
            : t('monitor.actions.failed'),
      );
    }
  };

  // A closed wave has nothing to manage; the message of the close itself stays until the next visit.
  if (actions.length === 0 && !message && !failure) return null;
  return (
    <section aria-labelledby="wave-actions-title" className="pvi-monitor-section">
      <Heading2 id="wave-actions-title" ref={headingRef} tabIndex={-1}>
        {t('monitor.actions.title')}
      </Heading2>
      <div role="status" aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {actions.length === 0 ? (
        <Paragraph className="pvi-muted">{t('monitor.actions.none')}</Paragraph>
      ) : (
        <ul className="pvi-plain-list pvi-action-list">
          {actions.map((action) => (
            <li key={action}>
              <Paragraph>{t(`monitor.actions.explain.${action}`)}</Paragraph>
              <ConfirmButton
                label={t(`monitor.actions.label.${action}`)}
                question={t(`monitor.actions.question.${action}`)}
                confirmLabel={t(`monitor.actions.confirm.${action}`)}
                onConfirm={() => run(action)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
