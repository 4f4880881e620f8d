import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createWaveBody,
  historyImportBody,
  historyImportResult,
  disclosureSettings,
  problem,
  questionnaire,
  submitResponseBody,
  scaleReliability,
  surveyReport,
  surveySecret,
  teamLink,
  uuid,
  wave,
  waveEvent,
  waveListQuery,
} from '@pvi/contracts';
import type { Role } from '@pvi/contracts';
import { access, ALL_ROLES } from '../../access.ts';
import { sendDownload } from '../../http/download.ts';
import { actorOf, authOf } from '../../plugins/auth.ts';
import { AppError } from '../../errors.ts';
import type { WavesService } from './waves.service.ts';
import type { RespondService } from './respond.service.ts';
import type { ReportService } from './report.service.ts';
import { reportCsv, reportXlsx } from './report.export.ts';
import type { HistoryImportService } from './history-import.service.ts';
import { textSource } from '../org/import/csv.ts';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
/** Who reads reports, each within the scope of their grant (a member: their own team). */
export const REPORT_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
/** Who runs waves: within their scope (a unit's leadership for its unit). */
export const WAVE_MANAGERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo', 'beheerder'];
const manage = { access: access.roles(WAVE_MANAGERS, { unscoped: true }) };
const waveParams = z.object({ waveId: uuid });

export const surveyRoutes =
  (deps: {
    waves: WavesService;
    respond: RespondService;
    reports: ReportService;
    history: HistoryImportService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const { waves, respond, reports, history } = deps;
    app.post(
      '/survey/history-imports',
      {
        config: {
          access: access.roles(['hr_analist', 'cdo', 'beheerder'], { scope: { kind: 'national' } }),
        },
        schema: {
          operationId: 'importSurveyHistory',
          tags: ['survey'],
          summary:
            'Import responses from an earlier tool (CSV) into a new closed wave; all or nothing, every bad row with its line',
          body: historyImportBody,
          response: { 200: historyImportResult, 201: historyImportResult, ...errors },
        },
      },
      async (request, reply) => {
        const { csv, ...options } = request.body;
        const result = await history.importResponses(textSource(csv), {
          ...options,
          actor: actorOf(request),
        });
        if (!result.ok)
          throw new AppError('validation_failed', 'The file has bad rows; nothing was imported.', {
            invalidParams: result.problems.map((p) => ({
              name: `csv.line.${p.line}`,
              code: 'invalid_row',
              reason: p.reason,
            })),
          });
        return reply.status(result.unchanged ? 200 : 201).send(result);
      },
    );
    const reportRoutes = [
      { path: 'national', level: 'national', scope: { kind: 'national' }, param: null },
      {
        path: 'units/:unitId',
        level: 'unit',
        scope: { kind: 'unit', param: 'unitId' },
        param: 'unitId',
      },
      {
        path: 'districts/:districtId',
        level: 'district',
        scope: { kind: 'district', param: 'districtId' },
        param: 'districtId',
      },
      {
        path: 'teams/:teamId',
        level: 'team',
        scope: { kind: 'team', param: 'teamId' },
        param: 'teamId',
      },
    ] as const;
    app.get(
      '/survey/waves/:waveId/reliability',
      {
        config: {
          access: access.roles(['hr_analist', 'cdo'], { scope: { kind: 'national' } }),
        },
        schema: {
          operationId: 'getWaveReliability',
          tags: ['survey'],
          summary:
            'Cronbach’s alpha per scale on the wave’s pooled answers, with item diagnostics (HR analysts)',
          params: waveParams,
          response: { 200: z.object({ items: z.array(scaleReliability) }), ...errors },
        },
      },
      async (request) => ({
        items: await reports.reliability(actorOf(request), request.params.waveId),
      }),
    );
    for (const r of reportRoutes) {
      const params = r.param ? waveParams.extend({ [r.param]: uuid }) : waveParams;
      app.get(
        `/survey/waves/:waveId/reports/${r.path}/export`,
        {
          config: { access: access.roles(REPORT_READERS, { scope: r.scope }) },
          schema: {
            operationId: `export${r.level[0]!.toUpperCase()}${r.level.slice(1)}SurveyReport`,
            tags: ['survey'],
            summary: `The ${r.level} report as CSV or XLSX: what the report shows, nothing more`,
            params,
            querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
            produces: [
              'text/csv',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ],
            response: {
              200: z.string().describe('CSV (RFC 4180) or an XLSX workbook (binary)'),
              ...errors,
            },
          },
        },
        async (request, reply) => {
          const p = request.params as Record<string, string>;
          const report = await reports.read(
            actorOf(request),
            p.waveId!,
            r.level,
            r.param ? p[r.param]! : null,
          );
          const name = `teammonitor-${r.level}-${report.group.id ?? 'nl'}`;
          if (request.query.format === 'xlsx')
            return sendDownload(
              reply,
              await reportXlsx(report),
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              `${name}.xlsx`,
            );
          return sendDownload(reply, reportCsv(report), 'text/csv; charset=utf-8', `${name}.csv`);
        },
      );
      app.get(
        `/survey/waves/:waveId/reports/${r.path}`,
        {
          config: { access: access.roles(REPORT_READERS, { scope: r.scope }) },
          schema: {
            operationId: `get${r.level[0]!.toUpperCase()}${r.level.slice(1)}SurveyReport`,
            tags: ['survey'],
            summary: `The ${r.level} report of a closed wave, through disclosure control`,
            params,
            response: { 200: surveyReport, ...errors },
          },
        },
        async (request) => {
          const p = request.params as Record<string, string>;
          return reports.read(actorOf(request), p.waveId!, r.level, r.param ? p[r.param]! : null);
        },
      );
    }
    app.get(
      '/survey/waves',
      {
        config: { access: access.roles(ALL_ROLES, { unscoped: true }) },
        schema: {
          operationId: 'listWaves',
          tags: ['survey'],
          summary: 'List team-monitor waves (no figures: those are in the reports)',
          querystring: waveListQuery,
          response: { 200: z.object({ items: z.array(wave) }), ...errors },
        },
      },
      async (request) => ({ items: await waves.list(request.query.status) }),
    );
    app.post(
      '/survey/waves',
      {
        config: manage,
        schema: {
          operationId: 'createWave',
          tags: ['survey'],
          summary: 'Create a draft wave: instrument, units in relay order with their dates',
          body: createWaveBody,
          response: { 201: wave, ...errors },
        },
      },
      async (request, reply) => {
        const created = await waves.create(
          actorOf(request),
          authOf(request).activeGrant!,
          request.body,
        );
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/survey/rules',
      {
        config: manage,
        schema: {
          operationId: 'getInstallationSurveyRules',
          tags: ['survey'],
          summary: 'The installation’s disclosure rules, copied into every new wave',
          description:
            'Set per installation (PVI_SURVEY_MIN_GROUP, PVI_SURVEY_MIN_OPEN); a draft wave may change its copy, which is locked when the wave opens.',
          response: { 200: disclosureSettings, ...errors },
        },
      },
      () => waves.installationRules(),
    );
    app.get(
      '/survey/waves/:waveId',
      {
        config: { access: access.roles(ALL_ROLES, { unscoped: true }) },
        schema: {
          operationId: 'getWave',
          tags: ['survey'],
          summary: 'Read a wave',
          params: waveParams,
          response: { 200: wave, ...errors },
        },
      },
      async (request) => waves.get(request.params.waveId),
    );
    app.put(
      '/survey/waves/:waveId/rules',
      {
        config: manage,
        schema: {
          operationId: 'setWaveRules',
          tags: ['survey'],
          summary: 'Set a draft wave’s disclosure rules (locked when it opens)',
          params: waveParams,
          body: disclosureSettings,
          response: { 200: wave, ...errors },
        },
      },
      async (request) =>
        waves.setRules(
          actorOf(request),
          authOf(request).activeGrant!,
          request.params.waveId,
          request.body,
        ),
    );
    for (const [action, summary] of [
      ['open', 'Open a draft: snapshot teams and members, send invitations, lock the rules'],
      ['remind', 'Remind those who have not answered (in units whose relay leg is open)'],
      ['close', 'Close the wave'],
    ] as const) {
      app.post(
        `/survey/waves/:waveId/${action}`,
        {
          config: manage,
          schema: {
            operationId: `${action}Wave`,
            tags: ['survey'],
            summary,
            params: waveParams,
            response: { 200: waveEvent, ...errors },
          },
        },
        async (request) =>
          waves[action](actorOf(request), authOf(request).activeGrant!, request.params.waveId),
      );
    }
    app.post(
      '/survey/waves/:waveId/team-links',
      {
        config: { access: access.roles(['teamchef', ...WAVE_MANAGERS], { unscoped: true }) },
        schema: {
          operationId: 'createTeamLinks',
          tags: ['survey'],
          summary:
            'New team links (URL and QR code) for people without e-mail; earlier team links stop working',
          params: waveParams,
          querystring: z.object({ teamId: uuid.optional() }),
          response: { 200: z.object({ items: z.array(teamLink) }), ...errors },
        },
      },
      async (request) => ({
        items: await waves.teamLinks(
          actorOf(request),
          authOf(request).activeGrant!,
          request.params.waveId,
          request.query.teamId,
        ),
      }),
    );

    // Answering: public, and deliberately not logged per request (no address, no time).
    app.post(
      '/survey/questionnaire',
      {
        logLevel: 'warn',
        config: { access: access.public() },
        schema: {
          operationId: 'openQuestionnaire',
          tags: ['survey'],
          summary: 'The questionnaire a link opens (the secret travels in the body, not the URL)',
          body: surveySecret,
          response: { 200: questionnaire, 400: problem, 404: problem, 409: problem },
        },
      },
      async (request) => respond.questionnaire(request.body.secret),
    );
    app.post(
      '/survey/responses',
      {
        logLevel: 'warn',
        config: { access: access.public() },
        schema: {
          operationId: 'submitResponse',
          tags: ['survey'],
          summary: 'Submit the answers; the link is used up and nothing ties the answers to it',
          body: submitResponseBody,
          response: { 204: z.null(), 400: problem, 404: problem, 409: problem },
        },
      },
      async (request, reply) => {
        await respond.submit(request.body.secret, request.body.answers);
        return reply.status(204).send(null);
      },
    );
  };
