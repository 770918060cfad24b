// A custody entry's note in the reader's language. The core writes these notes in a fixed English form
// (the record, hash-chained, is never rewritten); the known forms are read back here and shown as labels.
// A note that matches none of them is the user's own text (how the file was obtained) and is shown as is.
import type { TFunction } from 'i18next';
import type { CustodyEntry } from '../../../../shared/schemas/evidence';
import { formatExactBytes } from '../../app/format';
import { exhibitLabel, shortHash } from './format';

const WORKING_COPY_OF = /^Working copy of item (\S+) \(SHA-256 ([0-9a-f]{64})\): (.+)$/;
const NEW_ITEM = /^New item (\S+): (.+); this original was not changed$/;
const EXPORTED = /^Decrypted copy written to (.+); its SHA-256 was checked against intake$/;
const VERIFIED_OK = /^Every chunk authentic; SHA-256 matches intake$/;
const MISMATCH = /^Expected (\d+) bytes with SHA-256 ([0-9a-f]{64}); found (\d+) bytes with (\S+)$/;
const SYMLINK = /Given as the symbolic link (.+); recorded under the name of the file it points to$/;
const EXHIBIT = /^(.*)#(\d+)$/;

function derivation(t: TFunction, code: string): string {
  return t(`evidence.derivation.${code}`, { defaultValue: code });
}

export function custodyNote(t: TFunction, entry: CustodyEntry, language: string): string {
  const note = entry.note;
  if (!note) return '';
  let m: RegExpExecArray | null;
  if ((m = WORKING_COPY_OF.exec(note)))
    return t('evidence.custody.note.workingCopyOf', { sha256: shortHash(m[2]!), how: derivation(t, m[3]!) });
  if ((m = NEW_ITEM.exec(note))) return t('evidence.custody.note.newItem', { how: derivation(t, m[2]!) });
  if ((m = EXPORTED.exec(note))) return t('evidence.custody.note.exported', { path: m[1] });
  if (VERIFIED_OK.test(note)) return t('evidence.custody.note.verifiedOk');
  if ((m = MISMATCH.exec(note)))
    return t('evidence.custody.note.mismatch', {
      expected: formatExactBytes(Number(m[1]), language),
      found: formatExactBytes(Number(m[3]), language),
    });
  if (entry.action === 'exhibit_assigned' && (m = EXHIBIT.exec(note)))
    return exhibitLabel(t, { filing: m[1]!, number: Number(m[2]) });
  if ((m = SYMLINK.exec(note))) {
    const before = note.slice(0, m.index).replace(/\.\s*$/, '');
    const link = t('evidence.custody.note.symlink', { link: m[1] });
    return before ? `${before}. ${link}` : link;
  }
  return note;
}
