import { describe, expect, it } from 'vitest';
import { EXAMPLE_PATTERNS as stage1 } from '../../stage-1-personal/src/web/examples';
import * as stage2 from '../../stage-2-shared/src/server/examples';
import * as stage3 from '../../stage-3-users/src/server/examples';
import * as stage4 from '../../stage-4-saas/src/server/examples';
import * as stage5 from '../../stage-5-enterprise/src/server/examples';

// Each stage recognises the examples of the stages before it by their text, so an upgrade leaves
// them behind (see stage-2-shared/src/server/examples.ts). Its copy must be the earlier stage's, word for word.
describe("each stage knows the earlier stages' examples", () => {
  it("stage 2 and stage 3 know stage 1's", () => {
    expect(stage2.STAGE_1_EXAMPLES).toEqual(stage1);
    expect(stage3.STAGE_1_EXAMPLES).toEqual(stage1);
  });

  it("stage 3 knows stage 2's", () => {
    expect(stage3.STAGE_2_EXAMPLES).toEqual(stage2.EXAMPLE_PATTERNS);
  });

  it("stage 4 knows stages 1, 2 and 3's, and carries stage 3's over as its own", () => {
    expect([stage4.STAGE_1_EXAMPLES, stage4.STAGE_2_EXAMPLES, stage4.STAGE_3_EXAMPLES]).toEqual([stage1, stage2.EXAMPLE_PATTERNS, stage3.EXAMPLE_PATTERNS]);
    expect(stage3.EXAMPLE_PATTERNS.map(stage4.carriedOver)).toEqual(
      stage3.EXAMPLE_PATTERNS.map((example) => stage4.EXAMPLE_PATTERNS.find((own) => own.trigger === example.trigger) ?? example),
    );
    expect(stage4.carriedOver({ trigger: 'where do you live', response: 'edited by me' })).toEqual({ trigger: 'where do you live', response: 'edited by me' });
  });

  it("stage 5 keeps stage 4's examples, and knows the earlier ones", () => {
    expect(stage5.EXAMPLE_PATTERNS).toEqual(stage4.EXAMPLE_PATTERNS);
    expect([stage5.STAGE_1_EXAMPLES, stage5.STAGE_2_EXAMPLES, stage5.STAGE_3_EXAMPLES]).toEqual([stage1, stage2.EXAMPLE_PATTERNS, stage3.EXAMPLE_PATTERNS]);
  });

  it('leave behind, on import, only the earlier examples that read differently', () => {
    const leftBehind = stage1.filter(stage2.isEarlierExample).map((example) => example.trigger);
    expect(leftBehind).toEqual(['(hi|hello|hey) [there]', 'what can you do', 'where do you live']);
    expect(stage2.EXAMPLE_PATTERNS.some(stage2.isEarlierExample)).toBe(false);
    expect(stage3.EXAMPLE_PATTERNS.some(stage3.isEarlierExample)).toBe(false);
  });

  it('and stage 3 migrates none of them', () => {
    expect([...stage1, ...stage2.EXAMPLE_PATTERNS, ...stage3.EXAMPLE_PATTERNS].every(stage3.isExample)).toBe(true);
    expect(stage3.isExample({ trigger: 'where do you live', response: 'edited by me' })).toBe(false);
  });
});
