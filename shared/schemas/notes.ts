// A matter's notes (Markdown), with classification and tags.
import { z } from 'zod';
import { Classification } from './classification';
import { Id, MatterRecordMeta, updateInput } from './common';

export const NoteFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  /** Markdown. */
  body: z.string().max(200000, 'validation.tooLong'),
  classification: Classification,
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
});
export type NoteFields = z.infer<typeof NoteFields>;

export const Note = NoteFields.extend(MatterRecordMeta);
export type Note = z.infer<typeof Note>;

export const CreateNoteInput = NoteFields.extend({ matterId: Id });
export const UpdateNoteInput = updateInput(NoteFields);

export const NoteList = z.object({ items: z.array(Note), hiddenConfidential: z.number().int() });
