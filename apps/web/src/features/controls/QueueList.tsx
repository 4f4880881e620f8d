import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { formatDateTime } from '../../app/i18n.ts';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import type { QueuedRegistration, RegistrationQueue } from './queue.ts';
import { useServerMessages } from './messages.ts';

/**
 * The registrations still on this device: waiting for a connection, or refused by the server
 * with its reasons — to fix (back into the form, same id) or, deliberately, to discard.
 */
export function QueueList(props: {
  queue: RegistrationQueue;
  items: readonly QueuedRegistration[];
  onFix: (item: QueuedRegistration) => void;
}) {
  const { t } = useTranslation();
  const messages = useServerMessages();
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby="ctl-queue-title" id="ctl-queue" className="pvi-figures-section">
      <Heading2 id="ctl-queue-title">{t('controls.queue.title')}</Heading2>
      <Paragraph>{t('controls.queue.intro')}</Paragraph>
      <ul className="pvi-queue-list">
        {props.items.map((item) => {
          const when = item.body.occurredAt ? formatDateTime(item.body.occurredAt) : '';
          const what = t(`controls.value.selectionReason.${item.body.selectionReason}`);
          return (
            <li key={item.id} className="pvi-queue-item">
              <Paragraph>
                <strong>
                  {when} · {what}
                </strong>
              </Paragraph>
              {item.state === 'waiting' ? (
                <Paragraph>
                  {item.attempts > 0
                    ? t('controls.queue.waitingRetry')
                    : t('controls.queue.waiting')}
                </Paragraph>
              ) : (
                <>
                  <Paragraph className="pvi-field-error">{t('controls.queue.refused')}</Paragraph>
                  <ul>
                    {messages(item).map((m) => (
                      <li key={`${m.field ?? ''}:${m.message}`} lang={m.lang}>
                        {m.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className="pvi-queue-item__actions">
                {item.state === 'waiting' ? (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    onClick={() => void props.queue.flush()}
                  >
                    {t('controls.queue.sendNow')}
                  </Button>
                ) : (
                  <Button
                    type="button"
                    appearance="primary-action-button"
                    onClick={() => {
                      props.onFix(item);
                    }}
                  >
                    {t('controls.queue.fix')}
                  </Button>
                )}
                <ConfirmButton
                  label={t('controls.queue.discard')}
                  ariaLabel={`${t('controls.queue.discard')}: ${when} · ${what}`}
                  question={t('controls.queue.discardQuestion')}
                  confirmLabel={t('controls.queue.discardConfirm')}
                  onConfirm={() => {
                    props.queue.remove(item.id);
                  }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
