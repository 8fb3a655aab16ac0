export { StoreError, errorMessage, type PatternStore, type Taught } from './store';
export { LOAD_MORE, PATTERNS_CHANGED, loadMore, patternsChanged } from './events';
export { validatePattern, hasErrors, type PatternErrors } from './validate';
export { theme, pageButtons } from './styles';
export { ChatPanel } from './chat-panel';
export { TeachForm } from './teach-form';
export { PatternList, type ListedPattern } from './pattern-list';
