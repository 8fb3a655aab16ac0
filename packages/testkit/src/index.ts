export { defineStageConfig, chromiumExecutable, type StageConfig } from './config';
export { test, expect, type ConsoleOptions } from './fixtures';
