import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';

function Sections({ prefix, sections }: { prefix: string; sections: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {sections.map((s) => (
        <section key={s}>
          <Heading2>{t(`${prefix}.${s}.title`)}</Heading2>
          <Paragraph>{t(`${prefix}.${s}.text`)}</Paragraph>
        </section>
      ))}
    </>
  );
}

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('accessibility.title')}</Heading1>
      <Paragraph>{t('accessibility.intro')}</Paragraph>
      <Sections prefix="accessibility" sections={['status', 'measures', 'limits', 'contact']} />
    </>
  );
}

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('privacy.title')}</Heading1>
      <Paragraph>{t('privacy.intro')}</Paragraph>
      <Sections
        prefix="privacy"
        sections={['what', 'why', 'who', 'audit', 'retention', 'rights']}
      />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('notFound.title')}</Heading1>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <Link to="/">{t('nav.home')}</Link>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
