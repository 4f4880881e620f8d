import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { SurveyReport } from '@pvi/contracts';
import { formatNumber } from '../../../app/i18n.ts';
import { lang, pick } from '../labels.ts';

const FIRST_ANSWERS = 20;

/** Open answers per question, shuffled by the server and without dates; long lists fold. */
export function OpenAnswers({ report }: { report: SurveyReport }) {
  const { t } = useTranslation();
  const texts = new Map((report.items ?? []).map((i) => [i.key, pick(i.text)]));
  const entries = Object.entries(report.openAnswers ?? {});
  return (
    <>
      {entries.map(([key, answers], i) => (
        <OpenAnswerList
          key={key}
          id={`open-${key}`}
          title={texts.get(key) ?? t('monitor.open.question', { number: i + 1 })}
          answers={answers}
        />
      ))}
    </>
  );
}

function OpenAnswerList(props: { id: string; title: string; answers: string[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? props.answers : props.answers.slice(0, FIRST_ANSWERS);
  return (
    <div className="pvi-open-answers">
      <Heading3 id={props.id}>{props.title}</Heading3>
      <Paragraph className="pvi-muted">
        {t('monitor.open.count', {
          count: props.answers.length,
          formatted: formatNumber(props.answers.length),
        })}
      </Paragraph>
      {props.answers.length > 0 && (
        <UnorderedList aria-labelledby={props.id}>
          {shown.map((text, i) => (
            <UnorderedListItem key={i}>{text}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {!all && props.answers.length > FIRST_ANSWERS && (
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-describedby={props.id}
          onClick={() => {
            setAll(true);
          }}
        >
          {t('monitor.open.showAll', { formatted: formatNumber(props.answers.length) })}
        </Button>
      )}
    </div>
  );
}

/** For a group too small to show figures: the scales' themes with questions to talk about. */
export function ConversationKit({ kit }: { kit: NonNullable<SurveyReport['conversationKit']> }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('monitor.kit.intro')}</Paragraph>
      {kit.map((theme) => (
        <div key={theme.scaleKey} className="pvi-card pvi-kit">
          <Heading3 id={`kit-${theme.scaleKey}`}>{pick(theme.title)}</Heading3>
          <OrderedList aria-labelledby={`kit-${theme.scaleKey}`}>
            {theme.prompts[lang()].map((prompt, i) => (
              <OrderedListItem key={i}>{prompt}</OrderedListItem>
            ))}
          </OrderedList>
        </div>
      ))}
    </>
  );
}
