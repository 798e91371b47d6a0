/** Résumé (本人简历) of the 毕业生登记表: model, checks with fixes (R-RESUME-*), paper-form formatting. */
export * from './model.ts';
export * from './check.ts';
export * from './format.ts';
export * from './tidy.ts';
