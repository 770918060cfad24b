// Generation: refuse while the leak guard has an unresolved hit → compose under the profile → refuse if the
// final guard finds a protected value the profile does not allow → the writer → the file where asked (or the
// bytes for a preview) → a generation record and an audit entry (kind, profile, SHA-256, exhibits) → when
// asked, the file kept in the case as an evidence item "filed version".
import { createHash, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import type {
  FilingGeneration,
  GenerateFilingInput,
  GenerateFilingResult,
} from '../../../shared/schemas/filings';
import type { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { nextExhibit } from '../services/evidence-custody';
import type { FilingProfileService } from '../services/filings-profiles';
import type { FilingService } from '../services/filings';
import type { VaultContext } from '../services/vault-context';
import type { Database } from '../vault/database';
import { loadCaseData } from './case-data';
import { compose } from './compose';
import type { RawHit } from './leak-guard';
import { writeDocument as defaultWriter, type WriteDocument } from './writers';
import { kindTitle } from './words';

export interface GenerateDeps {
  ctx: () => VaultContext;
  filings: FilingService;
  profiles: FilingProfileService;
  workflow: {
    rawHits(id: string): { hits: RawHit[]; decisions: Map<string, { value_hash: string }> };
  };
  /** The writers (PDF, DOCX); tests and the lead's merge pass the real ones. */
  write?: WriteDocument;
  /** Keeps bytes in the case as an evidence item; returns its id. */
  keepInCase?: (matterId: string, data: Buffer, name: string, title: string) => Promise<string>;
  /** The long-operation runner's wrapper (cancel on lock, temp files removed). */
  run?: <T>(work: () => Promise<T>) => Promise<T>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const leakError = (hits: RawHit[], message: string) =>
  new AmparoError('LEAK_GUARD', message, {
    leakHits: hits.map((h) => ({
      id: h.id,
      where: { path: h.path, sectionKey: h.sectionKey, block: h.block },
      personId: h.personId,
      pseudonym: h.pseudonym,
      valueKind: h.valueKind,
    })),
  });

type GenerationRow = {
  id: string;
  filing_id: string;
  version: number;
  profile_id: string;
  profile_name: string;
  format: 'pdf' | 'docx';
  sha256: string;
  size: number;
  exhibits: string;
  destination: 'file' | 'preview';
  evidence_id: string | null;
  generated_at: string;
  generated_by: string;
};

const toGeneration = (r: GenerationRow): FilingGeneration => ({
  id: r.id,
  filingId: r.filing_id,
  version: r.version,
  profileId: r.profile_id,
  profileName: r.profile_name,
  format: r.format,
  sha256: r.sha256,
  size: r.size,
  exhibits: JSON.parse(r.exhibits) as FilingGeneration['exhibits'],
  evidenceId: r.evidence_id,
  destination: r.destination,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
});

export function listGenerations(db: Database, filingId: string): FilingGeneration[] {
  return db
    .prepare('SELECT * FROM filing_generations WHERE filing_id = $filingId ORDER BY generated_at DESC')
    .all<GenerationRow>({ filingId })
    .map(toGeneration);
}

export async function generateFiling(
  deps: GenerateDeps,
  input: z.output<typeof GenerateFilingInput>,
): Promise<GenerateFilingResult> {
  const ctx = deps.ctx();
  const filing = deps.filings.get(input.filingId);
  const profile = deps.profiles.resolve(input.profile);

  const { hits, decisions } = deps.workflow.rawHits(filing.id);
  const unresolved = hits.filter((h) => !decisions.has(h.id));
  if (unresolved.length)
    throw leakError(unresolved, `${unresolved.length} protected value(s) in the draft are not resolved`);

  const data = loadCaseData(ctx.db, filing.matterId, filing);
  const date = input.date ?? ctx.now().toISOString().slice(0, 10);
  // Numbers are assigned inside a transaction so a refused generation leaves none behind.
  let composed!: ReturnType<typeof compose>;
  ctx.db.transaction(() => {
    composed = compose({
      filing,
      data,
      rules: profile.rules,
      date,
      includeChart: input.includeChart,
      listedExhibits: ctx.db
        .prepare(
          `SELECT item_id AS evidenceId FROM evidence_exhibits WHERE matter_id = $matterId AND filing = $list
           ORDER BY number`,
        )
        .all<{ evidenceId: string }>({ matterId: filing.matterId, list: filing.exhibitList }),
      keptValues: new Set([...decisions.values()].map((d) => d.value_hash)),
      exhibitNumber: (evidenceId) => nextExhibit(ctx, filing.matterId, filing.exhibitList, evidenceId),
    });
    if (composed.leaks.length)
      throw leakError(composed.leaks, 'The composed document names a protected person');
  })();

  const run = deps.run ?? ((work) => work());
  return run(async () => {
    const bytes = Buffer.from(await (deps.write ?? defaultWriter)(composed.doc, input.format));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (input.outPath) {
      if (!input.overwrite && (await exists(input.outPath)))
        throw new AmparoError('VALIDATION_FAILED', 'The file exists already', {
          issues: [{ path: 'outPath', message: 'validation.fileExists' }],
        });
      await writeFileAtomic(input.outPath, bytes);
    }
    const name = `${kindTitle(filing.kind, filing.lang)} ${date}.${input.format}`;
    const evidenceId =
      input.keepInCase && deps.keepInCase
        ? await deps.keepInCase(
            filing.matterId,
            bytes,
            name,
            `${filing.title} — ${filing.lang === 'es' ? 'versión presentada' : 'filed version'} (${profile.name})`,
          )
        : null;
    const id = randomUUID();
    const at = ctx.now().toISOString();
    const exhibits = composed.exhibits;
    ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO filing_generations (id, filing_id, version, profile_id, profile_name, format, sha256, size,
             exhibits, destination, evidence_id, generated_at, generated_by)
           VALUES ($id, $filingId, $version, $profileId, $profileName, $format, $sha256, $size, $exhibits,
             $destination, $evidenceId, $at, $by)`,
        )
        .run({
          id,
          filingId: filing.id,
          version: filing.version,
          profileId: profile.id,
          profileName: profile.name,
          format: input.format,
          sha256,
          size: bytes.length,
          exhibits: JSON.stringify(exhibits),
          destination: input.outPath ? 'file' : 'preview',
          evidenceId,
          at,
          by: ctx.actor(),
        });
      ctx.audit.append({
        action: 'filing.generate',
        entityType: 'filing',
        entityId: filing.id,
        matterId: filing.matterId,
        details: {
          kind: filing.kind,
          version: filing.version,
          profile: profile.name,
          profileId: profile.id,
          format: input.format,
          sha256,
          destination: input.outPath ? 'file' : 'preview',
          exhibits: exhibits.map((e) => ({ number: e.number, evidenceId: e.evidenceId, sha256: e.sha256 })),
          ...(evidenceId ? { keptAs: evidenceId } : {}),
        },
      });
    })();
    const generation = listGenerations(ctx.db, filing.id).find((g) => g.id === id)!;
    return {
      generation,
      dataBase64: input.outPath ? null : bytes.toString('base64'),
      path: input.outPath ?? null,
    };
  });
}
