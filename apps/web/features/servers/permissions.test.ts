import { describe, expect, it } from 'vitest';
import {
  CHANNEL_FLAGS,
  overwriteState,
  PERMISSION_GROUPS,
  PERMISSION_INFO,
  setOverwrite,
} from './permissions';

describe('permission metadata', () => {
  it('puts every flag in exactly one group', () => {
    const grouped = PERMISSION_GROUPS.flatMap((group) => group.flags);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(Object.keys(PERMISSION_INFO).sort());
  });

  it('offers only known flags on channels', () => {
    for (const flag of CHANNEL_FLAGS) expect(PERMISSION_INFO[flag]).toBeDefined();
  });
});

describe('overwrite tri-state', () => {
  it('moves a flag between allow, neutral and deny without ever being in both', () => {
    let overwrite = { allow: ['SEND_MESSAGES'], deny: [] as string[] };
    expect(overwriteState('SEND_MESSAGES', overwrite.allow, overwrite.deny)).toBe('allow');
    overwrite = setOverwrite(overwrite, 'SEND_MESSAGES', 'deny');
    expect(overwrite).toEqual({ allow: [], deny: ['SEND_MESSAGES'] });
    overwrite = setOverwrite(overwrite, 'SEND_MESSAGES', 'neutral');
    expect(overwrite).toEqual({ allow: [], deny: [] });
    expect(overwriteState('VIEW_CHANNEL', overwrite.allow, overwrite.deny)).toBe('neutral');
  });
});
