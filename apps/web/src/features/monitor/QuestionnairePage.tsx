import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Loading } from '../../components/States.tsx';
import { openQuestionnaire } from './api.ts';
import { todayInAmsterdam } from './format.ts';
import { Answering } from './questionnaire/Answering.tsx';
import { LinkMessage } from './questionnaire/LinkMessage.tsx';
import { linkProblemOf } from './questionnaire/outcome.ts';
import { forgetAnswers, forgetClosed, storageKeyOf } from './questionnaire/storage.ts';
import './monitor.css';

/**
 * The secret of the link: everything after `#` (it never reaches the server in a URL), and a count
 * of the times a link was opened in this page, so that opening one again starts afresh.
 */
function useSecret(): { secret: string; visit: number } {
  const read = () => decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  const [state, setState] = useState(() => ({ secret: read(), visit: 0 }));
  useEffect(() => {
    const update = () => {
      setState((s) => ({ secret: read(), visit: s.visit + 1 }));
    };
    window.addEventListener('hashchange', update);
    return () => {
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return state;
}

/**
 * The questionnaire a one-time link or team link opens (`/vragenlijst#SECRET`), public and without
 * sign-in: one page of questions at a time, answers kept on the device until they are sent.
 */
export function QuestionnairePage() {
  const { secret, visit } = useSecret();
  useEffect(() => {
    forgetClosed(todayInAmsterdam());
  }, []);
  if (!secret) return <LinkMessage problem="missing" />;
  return <Questionnaire key={`${String(visit)}:${secret}`} secret={secret} />;
}

function Questionnaire({ secret }: { secret: string }) {
  const [storageKey, setStorageKey] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void storageKeyOf(secret).then((key) => {
      if (alive) setStorageKey(key);
    });
    return () => {
      alive = false;
    };
  }, [secret]);
  const questionnaire = useQuery({
    // The key holds the hash, not the secret.
    queryKey: ['questionnaire', storageKey],
    queryFn: () => openQuestionnaire(secret),
    enabled: storageKey !== null,
    retry: false,
    // Each visit asks the server again (nothing cached): a link used or closed since says so.
    staleTime: 0,
    gcTime: 0,
  });
  const problem = questionnaire.isError ? linkProblemOf(questionnaire.error) : null;
  useEffect(() => {
    // A link that is used up or closed has nothing left to continue.
    if (storageKey && (problem === 'used' || problem === 'closed')) forgetAnswers(storageKey);
  }, [storageKey, problem]);

  if (storageKey === null || questionnaire.isPending) return <Loading />;
  if (problem)
    return (
      <LinkMessage
        problem={problem}
        onRetry={() => {
          void questionnaire.refetch();
        }}
      />
    );
  return <Answering questionnaire={questionnaire.data!} secret={secret} storageKey={storageKey} />;
}
