// Every command of `amparo`, in the order the help lists them. A new area (deadlines, bundles, filings)
// adds a file beside these and its commands here.
// bundles and backups
import { backup, restore } from './backup';
import { bundleExport, bundleImport, bundleVerify, vaultIdentity } from './bundle';
import { caseAdd, caseList } from './case';
import { commsAdd, commsImport, commsList } from './comms';
import { deadlineAdd, deadlineCompute, deadlineIcs, deadlineList, deadlineRules } from './deadline';
import { evidenceAdd, evidenceList, evidenceVerify } from './evidence';
// search inside the evidence
import { evidenceExtract, evidenceText } from './evidence-text';
// filings
import { filingCheck, filingDraft, filingGenerate } from './filing';
import { personAdd } from './person';
import { importSpreadsheet } from './import';
import { search } from './search';
import type { Command } from './types';
import { vaultCheck, vaultCreate, vaultRekey } from './vault';

export const COMMANDS: readonly Command[] = [
  vaultCreate,
  vaultCheck,
  vaultRekey,
  caseAdd,
  caseList,
  evidenceAdd,
  evidenceList,
  evidenceVerify,
  // search inside the evidence
  evidenceText,
  evidenceExtract,
  search,
  // Correspondence
  commsAdd,
  commsImport,
  commsList,
  deadlineRules,
  deadlineCompute,
  // follow-up: stored deadlines
  deadlineList,
  deadlineAdd,
  deadlineIcs,
  importSpreadsheet,
  // filings
  personAdd,
  filingDraft,
  filingCheck,
  filingGenerate,
  // bundles and backups
  vaultIdentity,
  bundleExport,
  bundleVerify,
  bundleImport,
  backup,
  restore,
];

/** The command named by the first one or two positionals, and how many it took. */
export function findCommand(positionals: string[]): { command: Command; words: number } | undefined {
  const two = COMMANDS.find((c) => c.name === positionals.slice(0, 2).join(' '));
  if (two) return { command: two, words: 2 };
  const one = COMMANDS.find((c) => c.name === positionals[0]);
  return one ? { command: one, words: 1 } : undefined;
}
