// What a draft goes through before it leaves the vault: the completeness check, the leak guard and its
// resolutions, and generation (compose → writers → file or preview → record, audit, keep in case).
import { AmparoError } from '../../../shared/errors';
import type {
  CompletenessReport,
  FilingGeneration,
  GenerateFilingInput,
  GenerateFilingResult,
  LeakHit,
  LeakHitRef,
  LeakReport,
  ResolveLeakInput,
  ResolveLeakResult,
} from '../../../shared/schemas/filings';
import type { z } from 'zod';
import { casePeople, referencedPeople } from '../filings/case-people';
import { checkFiling } from '../filings/completeness';
import { applyReplacements, draftTexts } from '../filings/draft-text';
import { generateFiling, listGenerations, type GenerateDeps } from '../filings/generate';
import { scanAll, type RawHit } from '../filings/leak-guard';
import { OperationRunner } from '../operations/runner';
import type { FilingProfileService } from './filings-profiles';
import type { FilingService } from './filings';
import type { VaultContext } from './vault-context';
// search inside the evidence: hits whose value is also in the case's documents name that page
import { documentSources } from './evidence-text-leaks';

type DecisionRow = { fingerprint: string; value_hash: string; reason: string };

export const hitRef = (h: RawHit | LeakHit): LeakHitRef => ({
  id: h.id,
  where: 'where' in h ? h.where : { path: h.path, sectionKey: h.sectionKey, block: h.block },
  personId: h.personId,
  pseudonym: h.pseudonym,
  valueKind: h.valueKind,
});

export class FilingWorkflow {
  /** Generations run as operations: a lock stops them and nothing half-written stays. */
  private readonly operations = new OperationRunner<never>();

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly filings: FilingService,
    private readonly profiles: FilingProfileService,
    private readonly deps: Omit<GenerateDeps, 'ctx' | 'filings' | 'profiles' | 'workflow'>,
  ) {}

  check(id: string): CompletenessReport {
    return checkFiling(this.filings.get(id), this.ctx().now());
  }

  /** The raw hits of a draft (with offsets) and the keep decisions made on it. */
  rawHits(id: string): {
    hits: RawHit[];
    decisions: Map<string, DecisionRow>;
    people: ReturnType<typeof casePeople>;
    matterId: string;
  } {
    const filing = this.filings.get(id);
    const { db } = this.ctx();
    const people = casePeople(db, filing.matterId, [...referencedPeople(filing)]);
    const hits = scanAll(draftTexts(filing), people);
    const decisions = new Map(
      db
        .prepare('SELECT fingerprint, value_hash, reason FROM leak_decisions WHERE filing_id = $id')
        .all<DecisionRow>({ id })
        .map((d) => [d.fingerprint, d]),
    );
    return { hits, decisions, people, matterId: filing.matterId };
  }

  leaks(id: string): LeakReport {
    const { hits, decisions, people, matterId } = this.rawHits(id);
    const sources = documentSources(this.ctx().db, matterId, hits, people);
    const out: LeakHit[] = hits.map((h) => ({
      ...hitRef(h),
      documentSource: sources.get(h.valueHash) ?? null,
      context: { before: h.before, match: h.match, after: h.after },
      range: { start: h.start, end: h.end },
      kept: decisions.has(h.id),
      keptReason: decisions.get(h.id)?.reason ?? null,
    }));
    return { filingId: id, hits: out, unresolved: out.filter((h) => !h.kept).length };
  }

  resolveLeak(input: z.output<typeof ResolveLeakInput>): ResolveLeakResult {
    const { db, audit, now, actor } = this.ctx();
    db.transaction(() => {
      const current = this.filings.rawRow(input.filingId);
      if (current.revision !== input.revision)
        throw new AmparoError('CONFLICT', `Filing ${input.filingId} was changed elsewhere`);
      const { hits } = this.rawHits(input.filingId);
      const matching = hits.filter((h) => h.id === input.hitId);
      if (!matching.length) throw new AmparoError('NOT_FOUND', 'That hit is no longer in the draft');
      const hit = matching[0]!;
      if (input.action === 'replace') {
        const filing = this.filings.get(input.filingId);
        const fixed = applyReplacements(
          filing,
          matching.map((h) => ({ path: h.path, start: h.start, end: h.end, text: h.pseudonym })),
        );
        this.filings.write(
          current,
          { answers: fixed.answers, document: fixed.document, title: fixed.title },
          'leak_fix',
          null,
        );
      } else {
        db.prepare(
          `INSERT OR REPLACE INTO leak_decisions (filing_id, fingerprint, value_hash, person_id, value_kind, reason,
             decided_by, decided_at)
           VALUES ($filingId, $fingerprint, $valueHash, $personId, $kind, $reason, $by, $at)`,
        ).run({
          filingId: input.filingId,
          fingerprint: hit.id,
          valueHash: hit.valueHash,
          personId: hit.personId,
          kind: hit.valueKind,
          reason: input.reason,
          by: actor(),
          at: now().toISOString(),
        });
        // Who, why, whose and what kind of value: never the value or its context.
        audit.append({
          action: 'filing.leakKept',
          entityType: 'filing',
          entityId: input.filingId,
          matterId: current.matter_id,
          details: {
            hit: hit.id,
            personId: hit.personId,
            valueKind: hit.valueKind,
            where: hit.path,
            occurrences: matching.length,
            reason: input.reason,
          },
        });
      }
    })();
    return { filing: this.filings.get(input.filingId), leaks: this.leaks(input.filingId) };
  }

  async generate(input: z.output<typeof GenerateFilingInput>): Promise<GenerateFilingResult> {
    return generateFiling(
      {
        ctx: this.ctx,
        filings: this.filings,
        profiles: this.profiles,
        workflow: this,
        run: (work) => this.operations.run(undefined, () => work()),
        ...this.deps,
      },
      input,
    );
  }

  abortAll(): void {
    this.operations.abortAll();
  }

  generations(filingId: string): FilingGeneration[] {
    this.filings.get(filingId);
    return listGenerations(this.ctx().db, filingId);
  }
}
