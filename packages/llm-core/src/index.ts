export type { Alternative, Explanation, Overlap, Pattern, PatternInput, Reply } from './types';
export { PatternEngine, type EngineOptions } from './engine';
export { createExport, parseExport, EXPORT_FORMAT, type ExportFile } from './export-file';
export { LIMITS } from './limits';
export { EngineError, InputTooLongError, TriggerTooComplexError, isEngineError, type EngineErrorCode } from './errors';
export { parseTrigger } from './trigger-parser';
export { countTokens } from './tokens';
