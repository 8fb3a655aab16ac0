/** Input limits shared by the engine, the UI's inline validation and every server's validation. */
export const LIMITS = {
  trigger: 200,
  response: 1000,
  message: 2000,
} as const;
