/**
 * The messages of the start screen in both languages: the shell (header, tabs, kiosk, update banner) and the photo
 * area (the start page). Every other area's messages arrive with its page (src/i18n/area/*.ts, see src/i18n/ui.ts).
 */
import zhShell from '../zh-CN/shell.ts';
import zhPhoto from '../zh-CN/photo.ts';
import zhPhotoUi from '../zh-CN/photo-ui.ts';
import enShell from '../en/shell.ts';
import enPhoto from '../en/photo.ts';
import enPhotoUi from '../en/photo-ui.ts';
import type { Dictionaries } from '../core.ts';

const messages: Dictionaries = {
  'zh-CN': { ...zhShell, ...zhPhoto, ...zhPhotoUi },
  en: { ...enShell, ...enPhoto, ...enPhotoUi },
};
export default messages;
