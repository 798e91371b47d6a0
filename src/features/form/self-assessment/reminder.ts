/**
 * What a self-assessment should cover: i18n keys of a reminder list (not generated text). The UI shows them as a
 * checklist; nothing here writes the assessment for the candidate (R-SELF-TEXT, R-TRUE).
 */
export const REMINDER_KEYS: readonly string[] = [
  'form.self.remind.thought',
  'form.self.remind.study',
  'form.self.remind.work',
  'form.self.remind.moral',
  'form.self.remind.weak',
  'form.self.remind.plan',
  'form.self.remind.true',
];
