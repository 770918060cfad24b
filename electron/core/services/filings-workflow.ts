// What a draft goes through before it leaves the vault: the completeness check, the leak guard and its
// resolutions, and generation (compose → writers → file or preview → record, audit, keep in case).
import { AmparoError } from '../../../shared/errors';
import type {
  CompletenessReport,
  FilingGeneration,
  GenerateFilingInput,
  GenerateFilingResult,
  LeakReport,
  ResolveLeakInput,
  ResolveLeakResult,
} from '../../../shared/schemas/filings';
import type { z } from 'zod';
import type { FilingProfileService } from './filings-profiles';
import type { FilingService } from './filings';
import type { VaultContext } from './vault-context';

export class FilingWorkflow {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly filings: FilingService,
    private readonly profiles: FilingProfileService,
  ) {}

  check(_id: string): CompletenessReport {
    throw new AmparoError('INTERNAL', 'not implemented yet');
  }

  leaks(_id: string): LeakReport {
    throw new AmparoError('INTERNAL', 'not implemented yet');
  }

  resolveLeak(_input: z.output<typeof ResolveLeakInput>): ResolveLeakResult {
    throw new AmparoError('INTERNAL', 'not implemented yet');
  }

  async generate(_input: z.output<typeof GenerateFilingInput>): Promise<GenerateFilingResult> {
    void this.ctx;
    void this.filings;
    void this.profiles;
    throw new AmparoError('INTERNAL', 'not implemented yet');
  }

  generations(_filingId: string): FilingGeneration[] {
    throw new AmparoError('INTERNAL', 'not implemented yet');
  }
}
