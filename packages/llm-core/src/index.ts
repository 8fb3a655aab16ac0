export type { Pattern, PatternInput, Reply } from './types';
export { PatternEngine, type EngineOptions } from './engine';
export { createExport, parseExport, EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ParsedExport } from './export-file';
export { LIMITS } from './limits';
