/** The eligibility area's messages in both languages; loaded with the area's page (see src/i18n/ui.ts). */
import zh from '../zh-CN/eligibility.ts';
import en from '../en/eligibility.ts';
import type { Dictionaries } from '../core.ts';

const messages: Dictionaries = { 'zh-CN': zh, en };
export default messages;
