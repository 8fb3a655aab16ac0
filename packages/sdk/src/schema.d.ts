// DRAFT, hand-written until stage-5-enterprise/openapi.json lands; then `pnpm generate` replaces it.
export interface paths {}
export interface components {
  schemas: {
    Pattern: { id: string; trigger: string; response: string; createdAt: string; updatedAt: string; createdBy: { id: string; email: string } | null };
    PatternList: { patterns: components['schemas']['Pattern'][]; nextCursor: string | null };
    PatternInput: { trigger: string; response: string };
    PatternChanges: { trigger?: string; response?: string };
    Reply: { text: string; patternId: string | null; confidence: number; captures: Record<string, string> };
    Ping: { ok: true; organization: { id: string; name: string; slug: string; plan: 'free' | 'pro' | 'enterprise' } };
    Usage: { plan: 'free' | 'pro' | 'enterprise'; limits: { patterns: number | null; chatsPerMonth: number | null }; used: Record<string, number>; period: string };
  };
}
