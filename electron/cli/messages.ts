// Plain English for the terminal: the app's own sentence for each error code and the text behind a
// validation key (`validation.tooLong`), so the command line never prints a raw translation key.
import en from '../../shared/i18n/en.json';
import type { ErrorCode, ValidationIssue } from '../../shared/errors';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/schemas/vault';

const PLACEHOLDERS: Record<string, string> = { passphraseMinLength: String(PASSPHRASE_MIN_LENGTH) };

/** What the user should know and do, as the app says it; undefined for codes the app never shows. */
export function sentenceFor(code: ErrorCode): string | undefined {
  return (en.errors as Record<string, string>)[code];
}

/** A key such as `validation.tooLong` in plain words; any other text as it is. */
function plainText(message: string): string {
  const key = /^validation\.(\w+)$/.exec(message)?.[1];
  if (!key) return message;
  const text = (en.validation as Record<string, string>)[key] ?? en.validation.invalid;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => PLACEHOLDERS[name] ?? name);
}

export function describeIssue(issue: ValidationIssue): string {
  return `${issue.path || 'input'}: ${plainText(issue.message)}`;
}
