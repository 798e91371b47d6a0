/** The photo pipeline behind the UI and the embed API (decode → detect → measure → report; fix). */
import type { PhotoService } from './embed-api.ts';

export async function createPhotoService(): Promise<PhotoService> {
  throw new Error('照片检查引擎尚未完成');
}
