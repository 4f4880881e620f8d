import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReflectionSession } from '@pvi/contracts';
import { formatDate, formatDateTime, formatNumber } from '../../app/i18n.ts';
import { Failure, Loading } from '../../components/States.tsx';
import { reflectionHistoryQuery } from './api.ts';
import { SessionForm } from './SessionForm.tsx';

function History({ teamId, sessionId }: { teamId: string; sessionId: string }) {
  const { t } = useTranslation();
  const history = useQuery(reflectionHistoryQuery(teamId, sessionId));
  if (history.isPending) return <Loading />;
  if (history.isError) return <Failure error={history.error} />;
  return (
    <UnorderedList>
      {history.data.map((e) => (
        <UnorderedListItem key={e.id}>
          {t(`followUp.history.${e.action}`, {
            at: formatDateTime(e.at),
            by:
              e.by.name ?? (e.by.role ? t(`role.${e.by.role}`, { defaultValue: e.by.role }) : '—'),
          })}
          {e.action === 'updated' && (
            <span className="pvi-muted">
              {' '}
              (
              {Object.keys(e.changes)
                .map((f) => t(`followUp.field.${f}`, { defaultValue: f }))
                .join(', ')}
              )
            </span>
          )}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** The team's sessions, newest first; editors change one in place; each with its history. */
export function SessionList(props: {
  teamId: string;
  sessions: ReflectionSession[];
  editor: boolean;
  period: { from: string; to: string };
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  return (
    <>
      {props.sessions.map((s) => (
        <article key={s.id} className="pvi-card" aria-labelledby={`session-${s.id}`}>
          <Heading3 id={`session-${s.id}`}>
            {t('followUp.session.of', { date: formatDate(s.heldOn) })}
          </Heading3>
          <Paragraph>
            {t('followUp.session.summary', {
              participants: formatNumber(s.participants),
              from: formatDate(s.periodFrom),
              to: formatDate(s.periodTo),
            })}
          </Paragraph>
          <Paragraph className="pvi-muted">{t('followUp.session.agreed')}</Paragraph>
          <UnorderedList>
            {s.agreedActions.map((a, i) => (
              <UnorderedListItem key={i}>{a}</UnorderedListItem>
            ))}
          </UnorderedList>
          {s.notes && <Paragraph>{s.notes}</Paragraph>}
          <details
            onToggle={(e) => {
              const isOpen = e.currentTarget.open;
              setOpen((prev) => {
                const next = new Set(prev);
                if (isOpen) next.add(s.id);
                else next.delete(s.id);
                return next;
              });
            }}
          >
            <summary>{t('followUp.history.title')}</summary>
            {open.has(s.id) && <History teamId={props.teamId} sessionId={s.id} />}
          </details>
          {props.editor && (
            <Button
              type="button"
              appearance="secondary-action-button"
              aria-expanded={editing === s.id}
              onClick={() => {
                setEditing(editing === s.id ? null : s.id);
              }}
            >
              {editing === s.id
                ? t('followUp.session.closeEdit')
                : t('followUp.session.edit', { date: formatDate(s.heldOn) })}
            </Button>
          )}
          {editing === s.id && (
            <SessionForm
              teamId={props.teamId}
              session={s}
              period={props.period}
              onDone={() => {
                setEditing(null);
              }}
            />
          )}
        </article>
      ))}
    </>
  );
}
