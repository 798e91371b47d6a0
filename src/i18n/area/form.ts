/** The form area's messages in both languages; loaded with the area's page (see src/i18n/ui.ts). */
import zh from '../zh-CN/form.ts';
import en from '../en/form.ts';
import type { Dictionaries } from '../core.ts';

const messages: Dictionaries = { 'zh-CN': zh, en };
export default messages;
