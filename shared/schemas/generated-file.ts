// What generating a document to a file shares, whether a filing or a hearing binder: the request's profile
// and output path, and the result's file facts. Each piece is spread into its place so field order holds.
import { z } from 'zod';
import { Id } from './common';

export const GeneratedExhibit = z.object({
  evidenceId: Id,
  number: z.number().int(),
  title: z.string(),
  sha256: z.string(),
});
export type GeneratedExhibit = z.infer<typeof GeneratedExhibit>;

/** A profile id or a built-in profile's name ('commission'). */
export const ProfileChoice = z.string().trim().min(1).max(100);

/** Absolute path of the file to write; null returns the bytes for a preview. */
export const OutPath = z
  .string()
  .trim()
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    'validation.absolutePath',
  )
  .nullable()
  .default(null);

/** The file made: its hash, size and the exhibits numbered in it. */
export const GeneratedFileFacts = {
  sha256: z.string(),
  size: z.number().int(),
  exhibits: z.array(GeneratedExhibit),
};

/** Where it went and who made it when. */
export const GeneratedFileStamp = {
  /** 'file' when written to disk, 'preview' when only shown. */
  destination: z.enum(['file', 'preview']),
  generatedAt: z.string(),
  generatedBy: z.string(),
};

/** Beside the record in a generate result. */
export const GeneratedFileOutput = {
  /** The file's bytes, base64, when no outPath was given (the preview). */
  dataBase64: z.string().nullable(),
  /** The written file, when outPath was given. */
  path: z.string().nullable(),
};
