// Case bundles through the one operation runner (progress, cancel, clean-up on lock): export one or
// several cases, verify a bundle without writing, import it (merging into cases that exist), and the
// vault's own identity for Settings. The format and its checks live in electron/core/bundles/.
import type { ParsedInput } from '../../../shared/contract';
import type {
  BundleKey,
  BundleProgress,
  BundleSummary,
  ExportBundleResult,
  ImportBundleResult,
  VaultIdentityInfo,
} from '../../../shared/schemas/bundles';
import type { Unseal } from '../bundles/age-io';
import { exportBundle, type ExportRequest } from '../bundles/export';
import { groupedFingerprint, vaultIdentity } from '../bundles/identity';
import { importBundle, signerKnown } from '../bundles/import';
import { verifyBundle } from '../bundles/verify';
import { OperationRunner, type Operation } from '../operations/runner';
import { FilingProfileService } from './filings-profiles';
import type { VaultContext } from './vault-context';

export interface BundleServiceOptions {
  onProgress?: (progress: BundleProgress) => void;
  onActivity?: () => void;
  /** scrypt work factor for passphrase bundles (tests use less than age's 18). */
  scryptLogN?: number;
  /** An import or a restore committed its rows (the full-text index maintenance merges what it wrote). */
  onImported?: () => void;
}

export class BundleService {
  readonly runner: OperationRunner<BundleProgress>;

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly options: BundleServiceOptions = {},
  ) {
    this.runner = new OperationRunner<BundleProgress>({
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onActivity ? { onActivity: options.onActivity } : {}),
    });
  }

  abortAll(): void {
    this.runner.abortAll();
  }

  /** Called once an import or a restore has committed. */
  imported(): void {
    this.options.onImported?.();
  }

  cancel(operationId: string): void {
    this.runner.cancel(operationId);
  }

  async identity(): Promise<VaultIdentityInfo> {
    const id = await vaultIdentity(this.ctx().db, this.ctx().now);
    return {
      fingerprint: id.fingerprint,
      fingerprintGrouped: groupedFingerprint(id.fingerprint),
      ageRecipient: id.ageRecipient,
    };
  }

  /** A passphrase, an age identity, or this vault's own age identity. */
  async unseal(key: BundleKey): Promise<Unseal> {
    if (key.passphrase !== undefined) return { passphrase: key.passphrase };
    if (key.identity) return { identities: [key.identity] };
    const own = await vaultIdentity(this.ctx().db, this.ctx().now);
    return { identities: [own.ageIdentity] };
  }

  private progress(op: Operation<BundleProgress>, phase: BundleProgress['phase']) {
    let last = 0;
    let lastDone = 0;
    return (done: number, total: number) => {
      const now = Date.now();
      // Every 200 ms, and every 8 MiB however fast it goes (a cancel can then act on what it sees).
      if (done < total && now - last < 200 && done - lastDone < 8 * 1024 * 1024) return;
      last = now;
      lastDone = done;
      op.progress({ operationId: op.id, phase, bytesDone: done, bytesTotal: total });
    };
  }

  /** The fixed choice, or the filings redaction profile by id (as the filings read it). */
  private redaction(input: ParsedInput<'bundles:export'>): Pick<ExportRequest, 'redaction' | 'profile'> {
    if (!input.redactionProfileId) return { redaction: input.redaction };
    const profile = new FilingProfileService(this.ctx).resolve(input.redactionProfileId);
    return { redaction: 'profile', profile: { id: profile.id, name: profile.name, rules: profile.rules } };
  }

  export(input: ParsedInput<'bundles:export'>): Promise<ExportBundleResult> {
    return this.runner.run(input.operationId, async (op) => {
      const outcome = await exportBundle(this.ctx(), {
        matterIds: input.matterIds,
        backup: false,
        out: input.out,
        seal:
          'passphrase' in input.seal
            ? {
                passphrase: input.seal.passphrase,
                ...(this.options.scryptLogN ? { scryptLogN: this.options.scryptLogN } : {}),
              }
            : { recipients: input.seal.recipients },
        ...this.redaction(input),
        omitEvidence: input.omitEvidence,
        since: input.since,
        signal: op.signal,
        onBytes: this.progress(op, 'export'),
      });
      const { cases: _cases, ...result } = outcome;
      void _cases;
      return result;
    });
  }

  verify(input: ParsedInput<'bundles:verify'>): Promise<BundleSummary> {
    return this.runner.run(input.operationId, async (op) =>
      verifyBundle(input.file, await this.unseal(input.key), {
        known: (fingerprint) => signerKnown(this.ctx(), fingerprint),
        signal: op.signal,
        onBytes: this.progress(op, 'verify'),
      }),
    );
  }

  import(input: ParsedInput<'bundles:import'>): Promise<ImportBundleResult> {
    return this.runner.run(input.operationId, async (op) => {
      const result = await importBundle(this.ctx(), {
        file: input.file,
        unseal: await this.unseal(input.key),
        ...(input.confirmSigner ? { confirmSigner: input.confirmSigner } : {}),
        resolutions: input.resolutions,
        ...(input.onConflict ? { onConflict: input.onConflict } : {}),
        signal: op.signal,
        onBytes: this.progress(op, 'import'),
      });
      this.imported();
      return result;
    });
  }
}
