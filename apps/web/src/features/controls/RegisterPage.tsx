import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary, type FieldError } from '../../components/Form.tsx';
import {
  anchorOf,
  bodyOf,
  checkDraft,
  draftOf,
  emptyDraft,
  localInputValue,
  type Draft,
  type FieldKey,
} from './draft.ts';
import { REGISTRARS } from './labels.ts';
import { useServerMessages, type ShownError } from './messages.ts';
import { loadLastPlace, saveLastPlace } from './PlaceField.tsx';
import type { QueuedRegistration } from './queue.ts';
import { QueueCount } from './QueueCount.tsx';
import { QueueList } from './QueueList.tsx';
import { RegistrationForm } from './RegistrationForm.tsx';
import { useRegistrationQueue } from './useQueue.ts';
import './controls.css';

type Outcome = 'sent' | 'queued' | null;

/**
 * Register a control, phone first and offline first: every registration goes into the device's
 * queue with its own id, then the queue is sent; what the server refuses stays, with its reasons.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { queue, items } = useRegistrationQueue();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(loadLastPlace()));
  const [fixing, setFixing] = useState(false);
  const [shown, setShown] = useState<ShownError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const serverMessages = useServerMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const role = session?.activeGrant?.role;
  const registrar = role !== undefined && REGISTRARS.includes(role);

  const showRefusal = (item: QueuedRegistration) => {
    setShown(serverMessages(item));
    setAttempt((n) => n + 1);
  };

  const submit = async () => {
    if (!queue) return;
    setOutcome(null);
    const problems = checkDraft(draft);
    setShown(problems.map((p) => ({ field: p.field, message: t(`controls.check.${p.code}`) })));
    setAttempt((n) => n + 1);
    if (problems.length > 0) return;
    const body = bodyOf(draft, new Date());
    queue.add(body);
    saveLastPlace(draft.place);
    setBusy(true);
    try {
      await queue.flush();
    } finally {
      setBusy(false);
    }
    const kept = queue.find(body.id);
    if (kept?.state === 'rejected') {
      // Keep the form as sent (also its time), with the server's reasons beside the fields.
      setDraft({ ...draft, occurredAt: localInputValue(body.occurredAt!) });
      setFixing(true);
      showRefusal(kept);
      return;
    }
    setOutcome(kept ? 'queued' : 'sent');
    setShown([]);
    setFixing(false);
    // The next control is often at the same spot: keep the place (also a position).
    setDraft(emptyDraft(draft.place));
  };

  const fix = (item: QueuedRegistration) => {
    const last = loadLastPlace();
    setDraft(draftOf(item.body, last?.kind === 'buurt' ? { [last.code]: last } : {}));
    setFixing(true);
    setOutcome(null);
    showRefusal(item);
    headingRef.current?.focus();
  };

  // One entry per field, in the order of the form; each links to its field.
  const byField = new Map<string, string[]>();
  for (const e of shown) {
    const anchor = anchorOf(e.field);
    byField.set(anchor, [...(byField.get(anchor) ?? []), e.message]);
  }
  const summary: FieldError[] = [...byField].map(([field, m]) => ({ field, message: m.join(' ') }));
  const errorOf = (field: FieldKey) => byField.get(anchorOf(field))?.join(' ');

  return (
    <>
      <Breadcrumbs
        items={[{ label: t('nav.home'), to: '/' }, { label: t('controls.register.title') }]}
      />
      <Heading1 ref={headingRef} tabIndex={-1}>
        {fixing ? t('controls.register.fixTitle') : t('controls.register.title')}
      </Heading1>
      <Paragraph>
        <QueueCount count={items.length} />
      </Paragraph>
      <Paragraph role="status">
        {outcome === 'sent'
          ? t('controls.register.sent')
          : outcome === 'queued'
            ? t('controls.register.queued')
            : ''}
      </Paragraph>
      {!registrar ? (
        <Alert type="info">
          <Paragraph>{t('controls.register.notRegistrar')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('controls.register.intro')}</Paragraph>
          {fixing && (
            <Alert type="warning">
              <Paragraph>{t('controls.register.fixing')}</Paragraph>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setFixing(false);
                  setShown([]);
                  setDraft(emptyDraft(loadLastPlace()));
                }}
              >
                {t('controls.register.newInstead')}
              </Button>
            </Alert>
          )}
          <ErrorSummary errors={summary} attempt={attempt} />
          <RegistrationForm
            key={draft.id}
            draft={draft}
            onChange={setDraft}
            errorOf={errorOf}
            busy={busy}
            submitLabel={fixing ? t('controls.register.resubmit') : t('controls.register.submit')}
            onSubmit={() => void submit()}
          />
        </>
      )}
      {queue && <QueueList queue={queue} items={items} onFix={fix} />}
    </>
  );
}
