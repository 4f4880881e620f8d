import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/i18n.ts';
import { useQueueSender, useRegistrationQueue } from './useQueue.ts';
import './controls.css';

/**
 * "Nog niet verzonden: N" as a live region: the element is always there (an empty live region
 * announces its first text), the text only while N > 0.
 */
export function QueueCount({
  count,
  live = true,
  link = false,
}: {
  count: number;
  live?: boolean;
  link?: boolean;
}) {
  const { t } = useTranslation();
  const text = t('controls.queue.count', { n: formatNumber(count) });
  return (
    <span
      className="pvi-queue-count"
      role={live ? 'status' : undefined}
      aria-live={live ? 'polite' : undefined}
    >
      {count > 0 &&
        (link ? (
          <Link to="/controles/registreren" className="pvi-queue-count__badge">
            {text}
          </Link>
        ) : (
          <strong className="pvi-queue-count__badge">{text}</strong>
        ))}
    </span>
  );
}

/**
 * The shell's part of the queue: sends it in the background and shows the count in the header
 * (not live on the registration page, which has its own live count).
 */
export function HeaderQueueCount({ onRegisterPage }: { onRegisterPage: boolean }) {
  useQueueSender();
  const { queue, items } = useRegistrationQueue();
  if (!queue) return null;
  return <QueueCount count={items.length} live={!onRegisterPage} link={!onRegisterPage} />;
}
