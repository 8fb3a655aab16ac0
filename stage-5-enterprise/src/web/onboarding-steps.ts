import type { OnboardingStep } from '../shared/api';

/** The guide's steps, in order, as the wizard and the dashboard's empty state both list them. */
export const STEPS: readonly { step: OnboardingStep; label: string; hint: string }[] = [
  { step: 'welcome', label: 'Welcome', hint: 'What a program can do with your bot.' },
  { step: 'key', label: 'Create an API key', hint: 'A key lets a program in; it is shown once.' },
  { step: 'install', label: 'Install the SDK', hint: 'npm i @journey/sdk, then five lines of code.' },
  { step: 'test', label: 'Test connection', hint: 'Turns green when your program’s first call arrives.' },
];

export const stepIndex = (step: OnboardingStep): number => STEPS.findIndex((s) => s.step === step);
