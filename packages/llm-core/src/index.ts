export type { Alternative, Explanation, Overlap, Pattern, PatternInput, Reply } from './types';
export { PatternEngine } from './engine';
export { createExport, parseExport, EXPORT_FORMAT, type ExportFile } from './export-file';
export { LIMITS } from './limits';
export { EngineError, InputTooLongError, TriggerTooComplexError, isEngineError } from './errors';
export { parseTrigger } from './trigger-parser';
export { countTokens } from './tokens';
