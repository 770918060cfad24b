// `amparo hearing add | edit | list | show | binder`. A hearing's text (titles, talking points, questions) is
// case text: it comes only as JSON on stdin (after the passphrase line) or from a file with --from-json, never
// in argv. `binder` writes the PDF through a redaction profile; the leak guard's refusal lists each hit by
// place and kind, never the value, and ends with exit status 9.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AmparoError } from '../../../shared/errors';
import {
  HearingFields,
  ParticipantFields,
  QuestionFields,
  TurnFields,
} from '../../../shared/schemas/hearings';
import { Id } from '../../../shared/schemas/common';
import { withUnlockedVault, type CoreClient } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import type { StdinText } from '../stdin';
import { outputRequest, refusedByLeakGuard } from './generate-to-file';
import { flag, text, type Command, type Values } from './types';

/** A whole hearing as JSON: its fields, and its parts with speakers named by their place in `participants`. */
const HearingDefinition = HearingFields.extend({
  participants: z.array(ParticipantFields).max(200).default([]),
  turns: z
    .array(
      TurnFields.omit({ participantId: true }).extend({
        speaker: z.number().int().min(0).nullable().default(null),
      }),
    )
    .max(500)
    .default([]),
  chronology: z.array(Id).max(2000).default([]),
  exhibits: z.array(Id).max(2000).default([]),
  questions: z
    .array(
      QuestionFields.omit({ answererId: true }).extend({
        answerer: z.number().int().min(0).nullable().default(null),
      }),
    )
    .max(500)
    .default([]),
}).strict();

async function readJson(values: Values, stdin: StdinText): Promise<unknown> {
  const source = text(values, 'from-json');
  if (!source) throw new UsageError('Give the hearing as JSON: --from-json - (stdin) or --from-json FILE');
  let raw: string;
  try {
    raw = source === '-' ? await stdin.rest() : await readFile(source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--from-json: cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(raw);
  } catch {
    // The parser's message quotes the text: it is case text, so it is not repeated here.
    throw new UsageError('--from-json: the input is not valid JSON');
  }
}

/** Zod's issues as the core's VALIDATION_FAILED: field paths and message keys, never the values given. */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AmparoError('VALIDATION_FAILED', 'The hearing JSON is not valid', {
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

const CASE = {
  'passphrase-stdin': { type: 'boolean' },
  case: { type: 'string' },
  json: { type: 'boolean' },
} as const;
const CASE_AND_HEARING = { ...CASE, hearing: { type: 'string' } } as const;

async function caseOf(core: CoreClient, values: Values) {
  const ref = text(values, 'case');
  if (!ref) throw new UsageError('Give --case REF');
  return core.call('matters:find', { ref });
}

/** The hearing, checked to belong to the case named (a hearing of another case is not found). */
async function hearingOf(core: CoreClient, values: Values) {
  const matter = await caseOf(core, values);
  const id = text(values, 'hearing');
  if (!id) throw new UsageError('Give --hearing ID');
  const hearing = await core.call('hearings:get', { id });
  if (hearing.matterId !== matter.id) throw new AmparoError('NOT_FOUND', `No hearing ${id} in this case`);
  return hearing;
}

export const hearingAdd: Command = {
  name: 'hearing add',
  usage: `hearing add <dir> --case REF --from-json -|FILE [--json]
                                     Create a hearing with its participants, turns, chronology, exhibits and
                                     questions (speakers by their index in "participants"); prints its id`,
  options: { ...CASE, 'from-json': { type: 'string' } },
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const matter = await caseOf(core, ctx.values);
      const { participants, turns, chronology, exhibits, questions, ...fields } = parsed(
        HearingDefinition,
        await readJson(ctx.values, ctx.stdin),
      );
      const created = await core.call('hearings:create', { matterId: matter.id, fields });
      const ids: string[] = [];
      for (const p of participants) {
        const h = await core.call('hearings:addParticipant', { hearingId: created.id, fields: p });
        ids.push(h.participants.at(-1)!.id);
      }
      const speaker = (index: number | null, path: string) => {
        if (index === null) return null;
        const id = ids[index];
        if (!id)
          throw new AmparoError('VALIDATION_FAILED', 'No such participant', {
            issues: [{ path, message: 'hearingCore.error.notParticipant' }],
          });
        return id;
      };
      for (const [i, { speaker: s, ...turn }] of turns.entries())
        await core.call('hearings:addTurn', {
          hearingId: created.id,
          fields: { ...turn, participantId: speaker(s, `turns.${i}.speaker`) },
        });
      for (const [i, { answerer, ...q }] of questions.entries())
        await core.call('hearings:addQuestion', {
          hearingId: created.id,
          fields: { ...q, answererId: speaker(answerer, `questions.${i}.answerer`) },
        });
      if (chronology.length)
        await core.call('hearings:setChronology', { hearingId: created.id, incidentIds: chronology });
      if (exhibits.length)
        await core.call('hearings:setExhibits', { hearingId: created.id, evidenceIds: exhibits });
      const hearing = await core.call('hearings:get', { id: created.id });
      ctx.out(flag(ctx.values, 'json') ? toTerminalJson(hearing) : hearing.id);
      return EXIT.ok;
    });
  },
};

export const hearingEdit: Command = {
  name: 'hearing edit',
  usage: `hearing edit <dir> --case REF --hearing ID --from-json -|FILE [--json]
                                     Change the hearing's fields given in the JSON (the others stay)`,
  options: { ...CASE_AND_HEARING, 'from-json': { type: 'string' } },
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const current = await hearingOf(core, ctx.values);
      const patch = parsed(HearingFields.partial().strict(), await readJson(ctx.values, ctx.stdin));
      const fields = HearingFields.parse({ ...current, ...patch });
      const hearing = await core.call('hearings:update', {
        id: current.id,
        revision: current.revision,
        fields,
      });
      ctx.out(flag(ctx.values, 'json') ? toTerminalJson(hearing) : String(hearing.revision));
      return EXIT.ok;
    });
  },
};

export const hearingList: Command = {
  name: 'hearing list',
  usage: `hearing list <dir> --case REF [--json]
                                     The case's hearings: id, date, kind, status, minutes planned/our share`,
  options: CASE,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const matter = await caseOf(core, ctx.values);
      const hearings = await core.call('hearings:list', { matterId: matter.id });
      if (flag(ctx.values, 'json')) ctx.out(toTerminalJson(hearings));
      else
        for (const h of hearings)
          ctx.out(
            [
              h.id,
              h.heldOn ?? '-',
              h.kind,
              h.status,
              `${Math.round(h.plan.plannedSeconds / 60)}/${h.ourMinutes ?? '-'}`,
              esc(h.title),
            ].join('\t'),
          );
      return EXIT.ok;
    });
  },
};

export const hearingShow: Command = {
  name: 'hearing show',
  usage: `hearing show <dir> --case REF --hearing ID [--json]
                                     The hearing with its plan (start offsets), speakers by pseudonym,
                                     chronology, exhibits with SHA-256, questions and linked deadlines`,
  options: CASE_AND_HEARING,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const hearing = await hearingOf(core, ctx.values);
      if (flag(ctx.values, 'json')) {
        ctx.out(toTerminalJson(hearing));
        return EXIT.ok;
      }
      const label = new Map(hearing.participants.map((p) => [p.id, p.label]));
      ctx.out(
        [
          'hearing',
          hearing.id,
          hearing.kind,
          hearing.status,
          hearing.heldOn ?? '-',
          hearing.startTime ?? '-',
          hearing.zone,
        ].join('\t'),
      );
      ctx.out(['title', esc(hearing.title)].join('\t'));
      ctx.out(
        [
          'plan',
          hearing.plan.status,
          hearing.plan.plannedSeconds,
          hearing.plan.shareSeconds ?? '-',
          hearing.plan.differenceSeconds ?? '-',
        ].join('\t'),
      );
      for (const t of hearing.turns)
        ctx.out(
          [
            'turn',
            t.position + 1,
            t.startOffset,
            t.seconds,
            esc(t.participantId ? (label.get(t.participantId) ?? '') : '-'),
            esc(t.topic),
          ].join('\t'),
        );
      for (const x of hearing.exhibits)
        ctx.out(['exhibit', x.number, x.sha256, esc(x.title ?? '')].join('\t'));
      for (const c of hearing.chronology) ctx.out(['fact', c.occurredOn, esc(c.title ?? '')].join('\t'));
      for (const d of hearing.deadlines) ctx.out(['deadline', d.kind, d.dueDate, d.status, d.id].join('\t'));
      return EXIT.ok;
    });
  },
};

export const hearingBinder: Command = {
  name: 'hearing binder',
  usage: `hearing binder <dir> --case REF --hearing ID --profile NAME --out FILE [--format pdf|docx]
               [--overwrite] [--json]
                                     Write the hearing binder under a redaction profile; prints SHA-256, size
                                     and path. Refused (exit 9) while protected values the profile does not
                                     allow are found: each listed by place and kind, never the value`,
  options: {
    ...CASE_AND_HEARING,
    profile: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const request = outputRequest(values, 'hearing binder needs --profile NAME and --out FILE', 'pdf');
    return withUnlockedVault(ctx, async (core) => {
      const hearing = await hearingOf(core, values);
      return refusedByLeakGuard(ctx, async () => {
        const result = await core.call('hearings:binder', { hearingId: hearing.id, ...request });
        if (flag(values, 'json')) ctx.out(toTerminalJson(result.binder));
        else ctx.out([result.binder.sha256, result.binder.size, esc(result.path ?? '')].join('\t'));
        return EXIT.ok;
      });
    });
  },
};
