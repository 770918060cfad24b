// The hearing binder and the hearing-day data. Generation: the hearing's own texts and then the composed
// document are scanned for protected values the profile does not allow (LEAK_GUARD, hits without values) →
// the filings' writer → one operation of the runner (cancel, lock: no file left) → the binder recorded with
// its SHA-256 and an audit entry. The hearing-day data labels people of the case by pseudonym only.
import { createHash, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import { checkPlan, startOffsets } from '../../../shared/hearing-time-plan';
import type {
  GenerateBinderInput,
  GenerateBinderResult,
  Hearing,
  HearingBinder,
  HearingDay,
} from '../../../shared/schemas/hearings';
import type { z } from 'zod';
import { loadCaseData } from '../filings/case-data';
import { printRule } from '../filings/compose';
import { scanAll, type RawHit } from '../filings/leak-guard';
import { writeDocument as defaultWriter, type WriteDocument } from '../filings/writers';
import { writeFileAtomic } from '../fs/atomic';
import { composeBinder } from '../hearings/compose-binder';
import { OperationRunner } from '../operations/runner';
import { nextExhibit } from './evidence-custody';
import type { FilingProfileService } from './filings-profiles';
import type { HearingService } from './hearings';
import { participantLabel, participantRows, turnRows } from './hearings-rows';
import type { VaultContext } from './vault-context';

type BinderRow = {
  id: string;
  hearing_id: string;
  profile_id: string;
  profile_name: string;
  lang: 'es' | 'en';
  format: 'pdf' | 'docx';
  sha256: string;
  size: number;
  exhibits: string;
  destination: 'file' | 'preview';
  generated_at: string;
  generated_by: string;
};

const toBinder = (r: BinderRow): HearingBinder => ({
  id: r.id,
  hearingId: r.hearing_id,
  profileId: r.profile_id,
  profileName: r.profile_name,
  lang: r.lang,
  format: r.format,
  sha256: r.sha256,
  size: r.size,
  exhibits: JSON.parse(r.exhibits) as HearingBinder['exhibits'],
  destination: r.destination,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const leakError = (hits: RawHit[]) =>
  new AmparoError('LEAK_GUARD', `${hits.length} protected value(s) in the binder`, {
    leakHits: hits.map((h) => ({
      id: h.id,
      where: { path: h.path, sectionKey: null, block: h.block },
      personId: h.personId,
      pseudonym: h.pseudonym,
      valueKind: h.valueKind,
    })),
  });

/** Every text the user typed into the hearing, with where it is (a hit names the field to fix). */
function hearingTexts(h: Hearing) {
  const out: { path: string; sectionKey: null; block: null; text: string }[] = [];
  const add = (path: string, text: string) => text && out.push({ path, sectionKey: null, block: null, text });
  add('title', h.title);
  add('place', h.place);
  add('sharingNote', h.sharingNote);
  add('sessionPeriod', h.sessionPeriod);
  h.keyAsks.forEach((a, i) => add(`keyAsks.${i}`, a));
  h.participants.forEach(
    (p) => (add(`participants.${p.id}.name`, p.name), add(`participants.${p.id}.role`, p.role)),
  );
  h.turns.forEach(
    (t) => (add(`turns.${t.id}.topic`, t.topic), add(`turns.${t.id}.talkingPoints`, t.talkingPoints)),
  );
  h.questions.forEach(
    (q) => (add(`questions.${q.id}.question`, q.question), add(`questions.${q.id}.answer`, q.answer)),
  );
  return out;
}

export class HearingBinderWorkflow {
  private readonly operations = new OperationRunner<never>();

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly hearings: HearingService,
    private readonly profiles: FilingProfileService,
    private readonly options: { write?: WriteDocument; onActivity?: () => void } = {},
  ) {}

  list(hearingId: string): HearingBinder[] {
    this.hearings.row(hearingId);
    return this.ctx()
      .db.prepare('SELECT * FROM hearing_binders WHERE hearing_id = $hearingId ORDER BY generated_at DESC')
      .all<BinderRow>({ hearingId })
      .map(toBinder);
  }

  cancel(operationId: string): void {
    this.operations.cancel(operationId);
  }

  abortAll(): void {
    this.operations.abortAll();
  }

  async generate(input: z.output<typeof GenerateBinderInput>): Promise<GenerateBinderResult> {
    const ctx = this.ctx();
    const hearing = this.hearings.get(input.hearingId);
    const profile = this.profiles.resolve(input.profile);
    const data = loadCaseData(ctx.db, hearing.matterId, {});
    const allowed = (h: RawHit) =>
      ['legal_name', 'name_part', 'alias'].includes(h.valueKind) &&
      printRule(profile.rules, h.personId, data.roles.get(h.personId) ?? []) === 'name';
    const typed = scanAll(hearingTexts(hearing), data.people).filter((h) => !allowed(h));
    if (typed.length) throw leakError(typed);

    const date = input.date ?? ctx.now().toISOString().slice(0, 10);
    let composed!: ReturnType<typeof composeBinder>;
    // Numbers are given inside a transaction so a refused binder leaves none behind.
    ctx.db.transaction(() => {
      composed = composeBinder({
        hearing,
        data,
        rules: profile.rules,
        profileName: profile.name,
        date,
        exhibitNumber: (evidenceId) => nextExhibit(ctx, hearing.matterId, hearing.exhibitList, evidenceId),
      });
      if (composed.leaks.length)
        throw leakError(composed.leaks.map((h) => ({ ...h, path: `document:${h.path}` })));
    })();

    return this.operations.run(input.operationId, async (op) => {
      this.options.onActivity?.();
      const bytes = Buffer.from(await (this.options.write ?? defaultWriter)(composed.doc, input.format));
      op.throwIfCancelled();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const record = () => this.record(hearing, profile, input, composed.exhibits, bytes.length, sha256);
      let binder: HearingBinder;
      if (input.outPath) {
        if (!input.overwrite && (await exists(input.outPath)))
          throw new AmparoError('VALIDATION_FAILED', 'The file exists already', {
            issues: [{ path: 'outPath', message: 'validation.fileExists' }],
          });
        op.throwIfCancelled();
        await writeFileAtomic(input.outPath, bytes);
        // Removed again if the vault locked or the record failed meanwhile: no binder without its record.
        binder = await op.commit(op.stage(input.outPath), () => {
          op.throwIfCancelled();
          return record();
        });
      } else binder = record();
      return {
        binder,
        dataBase64: input.outPath ? null : bytes.toString('base64'),
        path: input.outPath ?? null,
      };
    });
  }

  private record(
    hearing: Hearing,
    profile: { id: string; name: string },
    input: z.output<typeof GenerateBinderInput>,
    exhibits: HearingBinder['exhibits'],
    size: number,
    sha256: string,
  ): HearingBinder {
    const { db, audit, now, actor } = this.ctx();
    const id = randomUUID();
    const destination = input.outPath ? 'file' : 'preview';
    db.transaction(() => {
      db.prepare(
        `INSERT INTO hearing_binders (id, hearing_id, profile_id, profile_name, lang, format, sha256, size, exhibits,
           destination, generated_at, generated_by)
         VALUES ($id, $hearingId, $profileId, $profileName, $lang, $format, $sha256, $size, $exhibits,
           $destination, $at, $by)`,
      ).run({
        id,
        hearingId: hearing.id,
        profileId: profile.id,
        profileName: profile.name,
        lang: hearing.lang,
        format: input.format,
        sha256,
        size,
        exhibits: JSON.stringify(exhibits),
        destination,
        at: now().toISOString(),
        by: actor(),
      });
      audit.append({
        action: 'hearing.binder',
        entityType: 'hearing',
        entityId: hearing.id,
        matterId: hearing.matterId,
        details: {
          binderId: id,
          profile: profile.name,
          profileId: profile.id,
          format: input.format,
          sha256,
          size,
          destination,
          exhibits: exhibits.map((e) => ({ number: e.number, evidenceId: e.evidenceId, sha256: e.sha256 })),
        },
      });
    })();
    return toBinder(db.prepare('SELECT * FROM hearing_binders WHERE id = $id').get<BinderRow>({ id })!);
  }

  /** The hearing-day view: a person of the case is labelled by pseudonym, never by a revealed identity. */
  day(hearingId: string): HearingDay {
    const row = this.hearings.row(hearingId);
    const { db } = this.ctx();
    const speakers = new Map(participantRows(db, hearingId).map((p) => [p.id, p]));
    const turns = turnRows(db, hearingId);
    const offsets = startOffsets(turns);
    const reference =
      db
        .prepare('SELECT reference FROM matters WHERE id = $id')
        .get<{ reference: string }>({ id: row.matter_id })?.reference ?? '';
    return {
      hearingId,
      matterId: row.matter_id,
      matterReference: reference,
      kind: row.kind,
      title: row.title,
      heldOn: row.held_on,
      startTime: row.start_time,
      zone: row.zone,
      plan: checkPlan(turns, row.our_minutes),
      keyAsks: JSON.parse(row.key_asks) as string[],
      turns: turns.map((t, i) => {
        const p = t.participant_id ? speakers.get(t.participant_id) : undefined;
        return {
          id: t.id,
          position: t.position,
          speaker: p ? participantLabel(p) : null,
          presence: p?.presence ?? null,
          topic: t.topic,
          seconds: t.seconds,
          startOffset: offsets[i]!,
          talkingPoints: t.talking_points,
        };
      }),
    };
  }
}
