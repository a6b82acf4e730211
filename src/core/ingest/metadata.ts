/** The corpus metadata file (corpus/metadata.json): which file is the report and how to present it. */
import { z } from 'zod';

export const metadataSchema = z.object({
  file: z.string().regex(/^[\w.-]+$/, 'file must be a plain file name inside corpus/'),
  language: z.enum(['ja', 'en']),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  publisher: z.string().min(1),
  publisherEn: z.string().min(1),
  published: z.string(),
  description: z.string(),
  suggestions: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }),
});

export type ReportMetadata = z.infer<typeof metadataSchema>;
