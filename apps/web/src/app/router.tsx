import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Shell } from '../components/Layout.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { AccessibilityPage, NotFoundPage, PrivacyPage } from '../features/pages/StaticPages.tsx';
import { sessionQuery } from './session.ts';
import { setUnauthenticatedHandler } from './api.ts';

interface Context {
  queryClient: QueryClient;
}

const root = createRootRouteWithContext<Context>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});

/** Pages behind sign-in: without a session, go to sign-in and come back afterwards. */
const signedIn = createRoute({
  getParentRoute: () => root,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    // The cached session if there is one (also "signed out": null), else ask the server.
    const session = await context.queryClient.query({ ...sessionQuery, staleTime: 'static' });
    if (!session)
      throw redirect({ to: '/inloggen', search: { returnTo: location.href, reason: undefined } });
  },
});

const signIn = createRoute({
  getParentRoute: () => root,
  path: '/inloggen',
  component: SignInPage,
  validateSearch: (search: Record<string, unknown>) => ({
    returnTo: typeof search.returnTo === 'string' ? search.returnTo : undefined,
    reason: search.reason === 'expired' ? ('expired' as const) : undefined,
  }),
});

const home = createRoute({ getParentRoute: () => signedIn, path: '/', component: HomePage });

// Each pillar is its own chunk.
const org = createRoute({
  getParentRoute: () => signedIn,
  path: '/organisatie',
  component: lazyRouteComponent(
    () => import('../features/org/OrganisationPage.tsx'),
    'OrganisationPage',
  ),
});
const unit = createRoute({
  getParentRoute: () => signedIn,
  path: '/organisatie/eenheden/$unitId',
  component: lazyRouteComponent(() => import('../features/org/UnitPage.tsx'), 'UnitPage'),
});
const district = createRoute({
  getParentRoute: () => signedIn,
  path: '/organisatie/districten/$districtId',
  component: lazyRouteComponent(() => import('../features/org/DistrictPage.tsx'), 'DistrictPage'),
});
const team = createRoute({
  getParentRoute: () => signedIn,
  path: '/organisatie/teams/$teamId',
  component: lazyRouteComponent(() => import('../features/org/TeamPage.tsx'), 'TeamPage'),
});
const accounts = createRoute({
  getParentRoute: () => signedIn,
  path: '/beheer/accounts',
  component: lazyRouteComponent(() => import('../features/admin/AccountsPage.tsx'), 'AccountsPage'),
});
const auditLog = createRoute({
  getParentRoute: () => signedIn,
  path: '/beheer/audit',
  component: lazyRouteComponent(() => import('../features/admin/AuditLogPage.tsx'), 'AuditLogPage'),
});
const imports = createRoute({
  getParentRoute: () => signedIn,
  path: '/beheer/import',
  component: lazyRouteComponent(() => import('../features/admin/ImportPage.tsx'), 'ImportPage'),
});

const outbox = createRoute({
  getParentRoute: () => signedIn,
  path: '/beheer/uitgaande-mail',
  component: lazyRouteComponent(() => import('../features/admin/OutboxPage.tsx'), 'OutboxPage'),
});

// Pillar 1, the team monitor: its own chunks.
const monitorPage = (
  name: 'NationalReportPage' | 'UnitReportPage' | 'DistrictReportPage' | 'TeamReportPage',
) => lazyRouteComponent(() => import('../features/monitor/ReportPage.tsx'), name);
const waves = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor',
  component: lazyRouteComponent(() => import('../features/monitor/WavesPage.tsx'), 'WavesPage'),
});
const newWave = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/nieuw',
  component: lazyRouteComponent(
    () => import('../features/monitor/CreateWavePage.tsx'),
    'CreateWavePage',
  ),
});
const wave = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/$waveId',
  component: lazyRouteComponent(() => import('../features/monitor/WavePage.tsx'), 'WavePage'),
});
const nationalReport = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/$waveId/landelijk',
  component: monitorPage('NationalReportPage'),
});
const unitReport = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/$waveId/eenheden/$unitId',
  component: monitorPage('UnitReportPage'),
});
const districtReport = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/$waveId/districten/$districtId',
  component: monitorPage('DistrictReportPage'),
});
const teamReport = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/$waveId/teams/$teamId',
  component: monitorPage('TeamReportPage'),
});
const teamPlans = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/teams/$teamId/plannen',
  component: lazyRouteComponent(
    () => import('../features/monitor/TeamPlansPage.tsx'),
    'TeamPlansPage',
  ),
});
const plan = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/teams/$teamId/plannen/$planId',
  component: lazyRouteComponent(() => import('../features/monitor/PlanPage.tsx'), 'PlanPage'),
});
const plansPage = (name: 'NationalPlansPage' | 'UnitPlansPage' | 'DistrictPlansPage') =>
  lazyRouteComponent(() => import('../features/monitor/PlanOverviewPage.tsx'), name);
const nationalPlans = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/plannen',
  component: plansPage('NationalPlansPage'),
});
const unitPlans = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/plannen/eenheden/$unitId',
  component: plansPage('UnitPlansPage'),
});
const districtPlans = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/plannen/districten/$districtId',
  component: plansPage('DistrictPlansPage'),
});
// People analytics: HR indicators and the "needs attention" view (its own chunk).
const attentionPage = (
  name: 'AttentionIndexPage' | 'UnitAttentionPage' | 'DistrictAttentionPage',
) => lazyRouteComponent(() => import('../features/analytics/AttentionPage.tsx'), name);
const attention = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/aandacht',
  component: attentionPage('AttentionIndexPage'),
});
const unitAttention = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/aandacht/eenheden/$unitId',
  component: attentionPage('UnitAttentionPage'),
});
const districtAttention = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/aandacht/districten/$districtId',
  component: attentionPage('DistrictAttentionPage'),
});
const hrImport = createRoute({
  getParentRoute: () => signedIn,
  path: '/teammonitor/hr-indicatoren',
  component: lazyRouteComponent(
    () => import('../features/analytics/HrImportPage.tsx'),
    'HrImportPage',
  ),
});
// Pillar 4 after the figures: reflection, training and outreach (features/controls-followup).
const reflection = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/teams/$teamId/reflectie',
  component: lazyRouteComponent(
    () => import('../features/controls-followup/ReflectionPage.tsx'),
    'ReflectionPage',
  ),
});
const outreach = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/teams/$teamId/vorming',
  component: lazyRouteComponent(
    () => import('../features/controls-followup/OutreachPage.tsx'),
    'OutreachPage',
  ),
});
const unitCoverage = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/dekking/eenheden/$unitId',
  component: lazyRouteComponent(
    () => import('../features/controls-followup/CoveragePage.tsx'),
    'UnitCoveragePage',
  ),
});
const districtCoverage = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/dekking/districten/$districtId',
  component: lazyRouteComponent(
    () => import('../features/controls-followup/CoveragePage.tsx'),
    'DistrictCoveragePage',
  ),
});
// Pillar 4, professional controls: registration (phone first, offline queue), figures, import.
const registerControl = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/registreren',
  component: lazyRouteComponent(
    () => import('../features/controls/RegisterPage.tsx'),
    'RegisterPage',
  ),
});
const controlFigures = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/cijfers',
  component: lazyRouteComponent(
    () => import('../features/controls/FiguresPage.tsx'),
    'FiguresPage',
  ),
  validateSearch: (search: Record<string, unknown>) => {
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    return { scope: text(search.scope), from: text(search.from), to: text(search.to) };
  },
});
const importControls = createRoute({
  getParentRoute: () => signedIn,
  path: '/controles/importeren',
  component: lazyRouteComponent(
    () => import('../features/controls/ImportControlsPage.tsx'),
    'ImportControlsPage',
  ),
});
/** Answering a questionnaire: public, the link's secret in the fragment (`/vragenlijst#…`). */
const questionnaire = createRoute({
  getParentRoute: () => root,
  path: '/vragenlijst',
  component: lazyRouteComponent(
    () => import('../features/monitor/QuestionnairePage.tsx'),
    'QuestionnairePage',
  ),
});

const accessibility = createRoute({
  getParentRoute: () => root,
  path: '/toegankelijkheid',
  component: AccessibilityPage,
});
const privacy = createRoute({
  getParentRoute: () => root,
  path: '/privacy',
  component: PrivacyPage,
});

const routeTree = root.addChildren([
  signIn,
  accessibility,
  privacy,
  questionnaire,
  signedIn.addChildren([
    home,
    org,
    unit,
    district,
    team,
    accounts,
    auditLog,
    imports,
    outbox,
    waves,
    newWave,
    wave,
    nationalReport,
    unitReport,
    districtReport,
    teamReport,
    teamPlans,
    plan,
    nationalPlans,
    unitPlans,
    districtPlans,
    attention,
    unitAttention,
    districtAttention,
    hrImport,
    reflection,
    outreach,
    unitCoverage,
    districtCoverage,
    registerControl,
    controlFigures,
    importControls,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
  // A 401 from any call means the session ended: sign in again and return here.
  setUnauthenticatedHandler(() => {
    queryClient.setQueryData(sessionQuery.queryKey, null);
    const here = router.state.location.href;
    if (!here.startsWith('/inloggen'))
      void router.navigate({ to: '/inloggen', search: { returnTo: here, reason: 'expired' } });
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
