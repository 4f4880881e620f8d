import { useEffect, useRef } from 'react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import type { Role } from '@pvi/contracts';
import { api } from '../app/api.ts';
import { setLanguage, type Language } from '../app/i18n.ts';
import { installationQuery, sessionQuery, useSession } from '../app/session.ts';
import { HeaderQueueCount } from '../features/controls/QueueCount.tsx';
import { ANALYSIS_READERS, REGISTRARS } from '../features/controls/labels.ts';

/** Which roles see which part of the app; the server enforces the same rules. */
export const NAVIGATION: { to: string; key: string; roles: readonly Role[] | 'all' }[] = [
  { to: '/', key: 'nav.home', roles: 'all' },
  { to: '/organisatie', key: 'nav.organisation', roles: 'all' },
  {
    to: '/teammonitor',
    key: 'nav.monitor',
    roles: ['medewerker', 'teamchef', 'eenheidsleiding', 'hr_analist', 'cdo', 'beheerder'],
  },
  { to: '/controles/registreren', key: 'controls.nav.register', roles: REGISTRARS },
  { to: '/controles/cijfers', key: 'controls.nav.figures', roles: ANALYSIS_READERS },
  { to: '/beheer/accounts', key: 'nav.accounts', roles: ['beheerder'] },
  { to: '/beheer/audit', key: 'nav.audit', roles: ['beheerder'] },
  { to: '/beheer/import', key: 'nav.import', roles: ['beheerder'] },
  { to: '/beheer/uitgaande-mail', key: 'nav.outbox', roles: ['beheerder'] },
];

/** Pages for anyone with a link, signed in or not: no name, role or menu in the header. */
const ANONYMOUS_PAGES = ['/vragenlijst'];

export function DemoBanner() {
  const { t } = useTranslation();
  const installation = useQuery(installationQuery).data;
  if (!installation?.demo) return null;
  return (
    <div className="pvi-banner" role="note">
      <p className="pvi-banner__inner">
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </p>
    </div>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next: Language = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Button
      type="button"
      appearance="secondary-action-button"
      onClick={() => {
        setLanguage(next);
      }}
    >
      {/* Only the language's own name is in that language; the hint is in the current one. */}
      <span lang={next}>{next === 'en' ? 'English' : 'Nederlands'}</span>
      <span className="pvi-visually-hidden"> — {t('layout.switchLanguage')}</span>
    </Button>
  );
}

function RoleSwitch() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  if (!session || session.grants.length < 2) return null;
  return (
    <label>
      <span>{t('layout.activeRole')} </span>
      <select
        value={session.activeGrant?.id ?? ''}
        onChange={(e) => {
          void api('/session', { method: 'PATCH', body: { activeGrantId: e.target.value } }).then(
            () => client.invalidateQueries(),
          );
        }}
      >
        {session.grants.map((g) => (
          <option key={g.id} value={g.id}>
            {t(`role.${g.role}`)} — {g.scopeName}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The document title follows the page's heading ("Organisatie — PvI-platform"), so every page
 * has a title of its own (WCAG 2.4.2), also the pages that load their heading later.
 */
function usePageTitle(main: React.RefObject<HTMLElement | null>, appName: string) {
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent.trim();
      const title = heading ? `${heading} — ${appName}` : appName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
    };
  }, [main, appName]);
}

/**
 * After moving to another page inside the app, focus goes to the main content, as after a page
 * load a screen reader starts there and the next Tab goes into the new page, not back to the
 * link that was followed. Not on the first load: then the skip link comes first.
 */
function useFocusOnNavigation(main: React.RefObject<HTMLElement | null>, path: string) {
  const previous = useRef(path);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    main.current?.focus();
  }, [main, path]);
}

export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const main = useRef<HTMLElement>(null);
  usePageTitle(main, t('app.name'));
  useFocusOnNavigation(main, path);
  // Answering a questionnaire shows nothing of who is signed in on this device.
  const anonymous = ANONYMOUS_PAGES.includes(path);
  const role = session?.activeGrant?.role;
  const items = NAVIGATION.filter(
    (n) => n.roles === 'all' || (role !== undefined && n.roles.includes(role)),
  );

  const signOut = async () => {
    await api('/session', { method: 'DELETE' });
    // What the service worker kept for offline use (the session, reference lists) goes too.
    if ('caches' in window) await caches.delete('pvi-data');
    client.setQueryData(sessionQuery.queryKey, null);
    await navigate({ to: '/inloggen', search: { returnTo: undefined, reason: undefined } });
  };

  return (
    <>
      <a className="pvi-skip-link" href="#inhoud">
        {t('layout.skipLink')}
      </a>
      <header className="pvi-header">
        <div className="pvi-header__inner">
          <Link to="/" className="pvi-product">
            {t('app.name')}
          </Link>
          <div className="pvi-header__tools">
            {session && !anonymous && (
              <span>
                {t('layout.signedInAs')} <strong>{session.account.displayName}</strong>
              </span>
            )}
            {session && !anonymous && (
              <HeaderQueueCount onRegisterPage={path === '/controles/registreren'} />
            )}
            {!anonymous && <RoleSwitch />}
            <LanguageSwitch />
            {session && !anonymous && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => void signOut()}
              >
                {t('layout.signOut')}
              </Button>
            )}
          </div>
        </div>
        {session && !anonymous && (
          <nav className="pvi-nav" aria-label={t('layout.mainNavigation')}>
            <ul>
              {items.map((n) => (
                <li key={n.to}>
                  <Link
                    to={n.to}
                    aria-current={
                      path === n.to || (n.to !== '/' && path.startsWith(n.to)) ? 'page' : undefined
                    }
                  >
                    {t(n.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <DemoBanner />
      <main id="inhoud" className="pvi-main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <footer className="pvi-footer">
        <div className="pvi-footer__inner">
          <span>{t('app.programme')}</span>
          <Link to="/toegankelijkheid">{t('nav.accessibility')}</Link>
          <Link to="/privacy">{t('nav.privacy')}</Link>
        </div>
      </footer>
    </>
  );
}
