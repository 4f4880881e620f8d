import { createHash, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import QRCode from 'qrcode';
import type { Database } from '@pvi/db';
import type { CreateWaveBody, Instrument, Wave, WaveEvent } from '@pvi/contracts';
import { validateRules, type DisclosureRules } from '@pvi/disclosure';
import { AppError } from '../../errors.ts';
import { grantCovers, type GrantRef } from '../../access.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { MailService, OutgoingMail } from '../mail/mail.service.ts';
import { instruments } from './instruments/index.ts';
import * as repo from './waves.repository.ts';

/** A secret for a one-time or team link: 32 random bytes, base64url. Only its hash is stored. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const today = (now: Date) => now.toISOString().slice(0, 10);

function invitationMail(
  to: string,
  link: string,
  waveName: string,
  closesOn: string,
  kind: 'invitation' | 'reminder',
): OutgoingMail {
  const reminder = kind === 'reminder';
  return {
    to,
    kind: `survey_${kind}`,
    subject: reminder
      ? `Herinnering: ${waveName} / Reminder: ${waveName}`
      : `Uitnodiging: ${waveName} / Invitation: ${waveName}`,
    body: [
      reminder
        ? 'Je hebt de teammonitor nog niet ingevuld. Je antwoorden helpen je team.'
        : 'Je team doet mee aan de teammonitor. Wil je de vragenlijst invullen?',
      '',
      `Vragenlijst: ${link}`,
      `Je kunt invullen tot en met ${closesOn}.`,
      '',
      'Je antwoorden zijn anoniem: ze worden niet aan jouw naam of deze link gekoppeld. Je team',
      'ziet alleen cijfers van groepen van minstens vijf mensen. De link werkt één keer.',
      '',
      '---',
      reminder
        ? 'You have not yet completed the team monitor. Your answers help your team.'
        : 'Your team takes part in the team monitor. Would you fill in the questionnaire?',
      `Questionnaire: ${link}`,
      `Open until ${closesOn} (inclusive). Your answers are anonymous; the link works once.`,
    ].join('\n'),
  };
}

export function createWavesService(deps: {
  db: Database;
  audit: AuditService;
  mail: MailService;
  publicUrl: string;
  defaultRules: DisclosureRules;
  /** Computes a closed wave's reports. */
  computeReports: (waveId: string) => Promise<unknown>;
  now?: (() => Date) | undefined;
}) {
  const { db, audit, mail } = deps;
  const now = deps.now ?? (() => new Date());
  const questionnaireLink = (secret: string) => `${deps.publicUrl}/vragenlijst#${secret}`;

  async function toWave(row: repo.WaveRow): Promise<Wave> {
    const [version, legs, counts] = await Promise.all([
      repo.instrumentVersionById(db, row.instrumentVersionId),
      repo.waveUnits(db, [row.id]),
      repo.waveCounts(db, [row.id]),
    ]);
    const rules = row.rules as DisclosureRules;
    return {
      id: row.id,
      name: row.name,
      instrumentKey: version!.key as Wave['instrumentKey'],
      instrumentVersion: version!.version,
      status: row.status,
      rules: {
        minGroupSize: rules.minGroupSize,
        minOpenAnswerGroupSize: rules.minOpenAnswerGroupSize,
      },
      rulesLocked: row.status !== 'draft',
      previousWaveId: row.previousWaveId,
      openedAt: row.openedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      imported: row.imported,
      units: legs.map((l) => ({
        unitId: l.unitId,
        unitName: l.unitName,
        relayOrder: l.relayOrder,
        opensOn: l.opensOn,
        closesOn: l.closesOn,
      })),
      teams: counts[0]?.teams ?? 0,
      invited: counts[0]?.invited ?? 0,
      responded: counts[0]?.responded ?? 0,
    };
  }

  async function mustFind(id: string) {
    const row = await repo.findWave(db, id);
    if (!row) throw new AppError('not_found', `There is no wave ${id}.`);
    return row;
  }

  /** Whether the active grant covers every unit of the wave (waves are managed per unit). */
  async function assertManages(grant: GrantRef, waveId: string) {
    if (grant.scopeType === 'national') return;
    const legs = await repo.waveUnits(db, [waveId]);
    const outside = legs.filter(
      (l) => !grantCovers(grant, { unitId: l.unitId, districtId: null, teamId: null }),
    );
    if (outside.length)
      throw new AppError('forbidden', 'This wave includes units outside your role’s scope.');
  }

  return {
    /**
     * Makes sure the shipped instrument versions are in the database. A version a wave has used
     * never changes: a changed definition under a used version number is refused.
     */
    async syncInstruments(): Promise<void> {
      await db.transaction(async (tx) => {
        for (const def of instruments) {
          const existing = await repo.findInstrumentVersion(tx, def.key, def.version);
          if (!existing) {
            await repo.insertInstrumentVersion(tx, {
              key: def.key,
              version: def.version,
              definition: def,
            });
          } else if (!isDeepStrictEqual(existing.definition, JSON.parse(JSON.stringify(def)))) {
            if (await repo.instrumentVersionUsed(tx, existing.id))
              throw new Error(
                `Instrument ${def.key} version ${def.version} is used by a wave and may not change; give the new text a new version number.`,
              );
            await repo.replaceInstrumentDefinition(tx, existing.id, def);
          }
        }
      });
    },

    async instrumentOf(waveId: string): Promise<Instrument> {
      const row = await mustFind(waveId);
      const version = await repo.instrumentVersionById(db, row.instrumentVersionId);
      return version!.definition as Instrument;
    },

    async list(status?: string): Promise<Wave[]> {
      const found = await repo.listWaves(db, status);
      return Promise.all(found.map(toWave));
    },

    async get(id: string): Promise<Wave> {
      return toWave(await mustFind(id));
    },

    async create(actor: Actor, grant: GrantRef, body: CreateWaveBody): Promise<Wave> {
      for (const leg of body.units) {
        if (!grantCovers(grant, { unitId: leg.unitId, districtId: null, teamId: null }))
          throw new AppError('forbidden', 'A unit of this wave is outside your role’s scope.');
      }
      const version = await repo.findInstrumentVersion(db, body.instrumentKey);
      if (!version) throw new AppError('conflict', `No instrument ${body.instrumentKey}.`);
      if (body.previousWaveId) await mustFind(body.previousWaveId);
      const id = await db.transaction(async (tx) => {
        const wave = await repo.insertWave(tx, {
          name: body.name,
          instrumentVersionId: version.id,
          rules: deps.defaultRules,
          previousWaveId: body.previousWaveId ?? null,
          createdBy: actor.personId,
        });
        await repo.insertWaveUnits(
          tx,
          body.units.map((u, i) => ({ waveId: wave.id, ...u, relayOrder: i + 1 })),
        );
        const teamIds = [
          ...(body.teamIds ?? []),
          ...(await repo.teamIdsOfDistricts(tx, body.districtIds ?? [])),
        ];
        await repo.insertDraftTeams(tx, wave.id, teamIds);
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'survey_wave',
          recordId: wave.id,
          details: { name: body.name, instrument: body.instrumentKey, units: body.units.length },
        });
        return wave.id;
      });
      return this.get(id);
    },

    /** The installation's disclosure rules: what a new wave starts with (PVI_SURVEY_MIN_*). */
    installationRules() {
      return {
        minGroupSize: deps.defaultRules.minGroupSize,
        minOpenAnswerGroupSize: deps.defaultRules.minOpenAnswerGroupSize,
      };
    },

    /** Changes the draft wave's disclosure rules (within the installation's validation). */
    async setRules(actor: Actor, grant: GrantRef, id: string, rules: DisclosureRules) {
      await assertManages(grant, id);
      const problems = validateRules(rules);
      if (problems.length)
        throw new AppError('validation_failed', 'The disclosure rules are not valid.', {
          invalidParams: problems.map((p) => ({
            name: p.field,
            code: 'invalid',
            reason: p.message,
          })),
        });
      await db.transaction(async (tx) => {
        const wave = await repo.findWave(tx, id, true);
        if (!wave) throw new AppError('not_found', `There is no wave ${id}.`);
        if (wave.status !== 'draft')
          throw new AppError('conflict', 'The rules are locked: the wave has opened.');
        await repo.setWaveStatus(tx, id, { rules: { ...(wave.rules as object), ...rules } });
        await audit.record(tx, actor, {
          action: 'update',
          recordType: 'survey_wave',
          recordId: id,
          details: { rules },
        });
      });
      return this.get(id);
    },

    /**
     * Opens a draft: snapshots the teams and their members, creates one-time links, queues the
     * invitations and locks the rules and the instrument version.
     */
    async open(actor: Actor, grant: GrantRef, id: string): Promise<WaveEvent> {
      await assertManages(grant, id);
      const day = today(now());
      const queued = await db.transaction(async (tx) => {
        const wave = await repo.findWave(tx, id, true);
        if (!wave) throw new AppError('not_found', `There is no wave ${id}.`);
        if (wave.status !== 'draft')
          throw new AppError('conflict', `The wave is ${wave.status}; only a draft can open.`);
        await repo.snapshotTeams(tx, id);
        const population = await repo.populationOn(tx, id, day);
        if (!population.length)
          throw new AppError('conflict', 'Nobody is in the teams of this wave today.');
        const legs = await repo.waveUnits(tx, [id]);
        const teamsOfWave = await repo.waveTeamsWithNames(tx, id);
        const unitOfTeam = new Map(teamsOfWave.map((t) => [t.teamId, t.unitId]));
        const closesOn = new Map(legs.map((l) => [l.unitId, l.closesOn]));
        const mails: OutgoingMail[] = [];
        const participation = population.map((p) => {
          const secret = newSecret();
          if (p.email)
            mails.push(
              invitationMail(
                p.email,
                questionnaireLink(secret),
                wave.name,
                closesOn.get(unitOfTeam.get(p.team_id)!) ?? day,
                'invitation',
              ),
            );
          return {
            waveId: id,
            personId: p.person_id,
            teamId: p.team_id,
            tokenHash: hashSecret(secret),
          };
        });
        await repo.insertParticipation(tx, participation);
        await repo.setInvitedCounts(tx, id);
        await repo.setWaveStatus(tx, id, { status: 'open', openedAt: now() });
        const queued = await mail.enqueue(tx, mails);
        await audit.record(tx, actor, {
          action: 'open',
          recordType: 'survey_wave',
          recordId: id,
          details: { invited: participation.length, mails: queued, rules: wave.rules },
        });
        return queued;
      });
      return { wave: await this.get(id), mailsQueued: queued };
    },

    /** Sends a reminder to everyone who has not answered in a unit whose relay leg is open today. */
    async remind(actor: Actor, grant: GrantRef, id: string): Promise<WaveEvent> {
      await assertManages(grant, id);
      const day = today(now());
      const queued = await db.transaction(async (tx) => {
        const wave = await repo.findWave(tx, id, true);
        if (!wave) throw new AppError('not_found', `There is no wave ${id}.`);
        if (wave.status !== 'open')
          throw new AppError('conflict', 'Only an open wave has reminders.');
        const pending = await repo.nonRespondents(tx, id, day);
        // A reminder carries a fresh link: the invitation's secret is not kept anywhere.
        const mails: OutgoingMail[] = [];
        for (const p of pending) {
          const secret = newSecret();
          await repo.setReminderToken(tx, id, p.person_id, hashSecret(secret));
          mails.push(
            invitationMail(p.email, questionnaireLink(secret), wave.name, p.closes_on, 'reminder'),
          );
        }
        await repo.countReminder(
          tx,
          id,
          pending.map((p) => p.person_id),
        );
        const queued = await mail.enqueue(tx, mails);
        await audit.record(tx, actor, {
          action: 'remind',
          recordType: 'survey_wave',
          recordId: id,
          details: { reminders: queued },
        });
        return queued;
      });
      return { wave: await this.get(id), mailsQueued: queued };
    },

    /** Closes the wave and rewrites its answer rows in random order (see `shuffleWave`). */
    async close(actor: Actor, grant: GrantRef, id: string): Promise<WaveEvent> {
      await assertManages(grant, id);
      await db.transaction(async (tx) => {
        const wave = await repo.findWave(tx, id, true);
        if (!wave) throw new AppError('not_found', `There is no wave ${id}.`);
        if (wave.status !== 'open') throw new AppError('conflict', `The wave is ${wave.status}.`);
        await repo.shuffleWave(tx, id);
        await repo.setWaveStatus(tx, id, { status: 'closed', closedAt: now() });
        await audit.record(tx, actor, { action: 'close', recordType: 'survey_wave', recordId: id });
      });
      await deps.computeReports(id);
      return { wave: await this.get(id), mailsQueued: 0 };
    },

    /**
     * Team links for people without e-mail: a fresh secret per call (the previous link stops
     * working), as a URL and a QR code.
     */
    async teamLinks(actor: Actor, grant: GrantRef, id: string, teamId?: string) {
      const wave = await mustFind(id);
      if (wave.status !== 'open')
        throw new AppError('conflict', 'Only an open wave has team links.');
      const all = await repo.waveTeamsWithNames(db, id);
      const chosen = all.filter(
        (t) =>
          (!teamId || t.teamId === teamId) &&
          grantCovers(grant, { unitId: t.unitId, districtId: t.districtId, teamId: t.teamId }),
      );
      if (teamId && !chosen.length)
        throw new AppError('not_found', 'That team is not in this wave or your scope.');
      return db.transaction(async (tx) => {
        const links = [];
        for (const t of chosen) {
          const secret = newSecret();
          await repo.setTeamLinkHash(tx, id, t.teamId, hashSecret(secret));
          const url = questionnaireLink(secret);
          links.push({
            teamId: t.teamId,
            teamName: t.teamName,
            url,
            qrSvg: await QRCode.toString(url, {
              type: 'svg',
              errorCorrectionLevel: 'M',
              margin: 2,
            }),
          });
        }
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'survey_team_link',
          recordId: id,
          details: { teams: links.length },
        });
        return links;
      });
    },
  };
}
export type WavesService = ReturnType<typeof createWavesService>;
