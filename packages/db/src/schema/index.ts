export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './survey.ts';
export * from './plans.ts';
export * from './controls.ts';
export * from './controls-analysis.ts';
