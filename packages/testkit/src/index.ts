export { defineStageConfig, chromiumExecutable, type StageConfig } from './config';
export { test, expect } from './fixtures';
