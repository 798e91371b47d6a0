/** What the photo area offers other parts of the app (the embed API, batch mode): types only. */
import type { PhotoReport } from './report-types.ts';

/** Background choice of the fixer ('keep' = as photographed). */
export type Background = 'keep' | 'blue' | 'white';

/** Why no photo could be made: a photo-dictionary code ('photo.refuse.*') with its params. */
export interface Refusal {
  code: string;
  params: Record<string, string | number>;
}

/** The embed API's view of the photo service (CONTRACT.md `zk-precheck:analyze` / `zk-precheck:fix`). */
export interface PhotoService {
  analyze(file: Blob, name: string): Promise<PhotoReport>;
  fix(file: Blob, name: string, background: Background | 'auto'): Promise<{ photo: Blob | null; before: PhotoReport; after: PhotoReport | null; reason?: string }>;
}
