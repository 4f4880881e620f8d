import type { Database } from '@pvi/db';
import type { Instrument } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import { hashSecret } from './waves.service.ts';
import * as waves from './waves.repository.ts';
import * as repo from './respond.repository.ts';
import { scoreResponse } from './scoring.ts';

/**
 * Answering the questionnaire: public, signed in or not. Nothing here records who answered with
 * what: the invitation is marked used and the answers are stored without any reference to it.
 * Routes that call this service do not log requests (no address or time per respondent).
 */
export function createRespondService(deps: { db: Database; now?: (() => Date) | undefined }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function openLink(secret: string) {
    const link = await repo.findLink(db, hashSecret(secret));
    if (!link) throw new AppError('not_found', 'This link is not known. Ask for a new one.');
    const day = now().toISOString().slice(0, 10);
    if (link.status !== 'open' || day < link.opens_on || day > link.closes_on)
      throw new AppError(
        'conflict',
        link.status === 'closed' || day > link.closes_on
          ? 'This questionnaire has closed.'
          : 'This questionnaire is not open yet.',
      );
    if (link.kind === 'person' && link.answered)
      throw new AppError('conflict', 'This link has been used: the answers are in.');
    return link;
  }

  return {
    async questionnaire(secret: string) {
      const link = await openLink(secret);
      const version = await waves.instrumentVersionById(db, link.instrument_version_id);
      return {
        waveName: link.wave_name,
        teamName: link.team_name,
        closesOn: link.closes_on,
        instrument: version!.definition as Record<string, unknown>,
      };
    },

    async submit(secret: string, answers: Record<string, number | number[] | string>) {
      const link = await openLink(secret);
      const version = await waves.instrumentVersionById(db, link.instrument_version_id);
      const { scored, problems } = scoreResponse(version!.definition as Instrument, answers);
      if (problems.length)
        throw new AppError('validation_failed', 'Some answers are not valid.', {
          invalidParams: problems,
        });
      await db.transaction(async (tx) => {
        if (link.kind === 'person') {
          if (!(await repo.markAnswered(tx, hashSecret(secret))))
            throw new AppError('conflict', 'This link has been used: the answers are in.');
        } else if ((await repo.responsesOfTeam(tx, link.wave_id, link.team_id)) >= link.invited) {
          throw new AppError(
            'conflict',
            'As many answers as people invited are in for this team; the team link is closed.',
          );
        }
        await repo.insertResponse(tx, {
          waveId: link.wave_id,
          teamId: link.team_id,
          districtId: link.district_id,
          unitId: link.unit_id,
          ...scored,
        });
      });
    },
  };
}
export type RespondService = ReturnType<typeof createRespondService>;
