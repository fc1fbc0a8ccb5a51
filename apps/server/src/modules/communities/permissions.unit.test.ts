import { ALL_PERMISSIONS, PERMISSION_NAMES, PERMISSIONS, type PermissionName } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import { basePermissions, canActOnMember, channelPermissions, outranks } from './permissions.js';

const NONE = 0n;
const VIEW = PERMISSIONS.VIEW_CHANNEL;
const member = (everyone: bigint, roles: bigint[] = []) => ({ isOwner: false, everyone, roles });
const ow = (allow: bigint, deny: bigint) => ({ allow, deny });
const flags = PERMISSION_NAMES.filter((name) => name !== 'ADMINISTRATOR');
const bit = (name: PermissionName) => PERMISSIONS[name];

describe('basePermissions', () => {
  it.each(PERMISSION_NAMES)('%s: from @everyone, from any role, not from nothing', (name) => {
    expect(basePermissions(member(bit(name))) & bit(name)).toBe(bit(name));
    expect(basePermissions(member(NONE, [NONE, bit(name)])) & bit(name)).toBe(bit(name));
    expect(basePermissions(member(NONE, [NONE])) & bit(name)).toBe(NONE);
  });

  it('gives the owner and ADMINISTRATOR everything', () => {
    expect(basePermissions({ isOwner: true, everyone: NONE, roles: [] })).toBe(ALL_PERMISSIONS);
    expect(basePermissions(member(NONE, [PERMISSIONS.ADMINISTRATOR]))).toBe(ALL_PERMISSIONS);
    expect(basePermissions(member(PERMISSIONS.ADMINISTRATOR))).toBe(ALL_PERMISSIONS);
  });
});

describe('channelPermissions, for every flag', () => {
  // Each case: base (everyone | role), overwrites, whether the flag survives. VIEW is kept in base so the
  // flag itself is what is tested; VIEW_CHANNEL's own rows are below.
  const cases: Array<{
    name: string;
    base: (f: bigint) => { everyone: bigint; roles: bigint[] };
    overwrites: (f: bigint) => Parameters<typeof channelPermissions>[1];
    expected: boolean;
  }> = [
    {
      name: 'base from @everyone, no overwrites',
      base: (f) => ({ everyone: VIEW | f, roles: [] }),
      overwrites: () => ({ roles: [] }),
      expected: true,
    },
    {
      name: 'base from a role',
      base: (f) => ({ everyone: VIEW, roles: [f] }),
      overwrites: () => ({ roles: [] }),
      expected: true,
    },
    {
      name: 'not in base',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: () => ({ roles: [] }),
      expected: false,
    },
    {
      name: '@everyone overwrite denies',
      base: (f) => ({ everyone: VIEW | f, roles: [] }),
      overwrites: (f) => ({ everyone: ow(NONE, f), roles: [] }),
      expected: false,
    },
    {
      name: '@everyone overwrite allows',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: (f) => ({ everyone: ow(f, NONE), roles: [] }),
      expected: true,
    },
    {
      name: 'role overwrite allows over @everyone deny',
      base: (f) => ({ everyone: VIEW | f, roles: [] }),
      overwrites: (f) => ({ everyone: ow(NONE, f), roles: [ow(f, NONE)] }),
      expected: true,
    },
    {
      name: 'role overwrite denies a base flag',
      base: (f) => ({ everyone: VIEW | f, roles: [] }),
      overwrites: (f) => ({ roles: [ow(NONE, f)] }),
      expected: false,
    },
    {
      name: 'one role allows, another denies: allow wins',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: (f) => ({ roles: [ow(NONE, f), ow(f, NONE)] }),
      expected: true,
    },
    {
      name: 'member overwrite denies over role allow',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: (f) => ({ roles: [ow(f, NONE)], member: ow(NONE, f) }),
      expected: false,
    },
    {
      name: 'member overwrite allows over role deny',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: (f) => ({ roles: [ow(NONE, f)], member: ow(f, NONE) }),
      expected: true,
    },
    {
      name: 'member overwrite allows over @everyone deny',
      base: () => ({ everyone: VIEW, roles: [] }),
      overwrites: (f) => ({ everyone: ow(NONE, f), member: ow(f, NONE), roles: [] }),
      expected: true,
    },
  ];

  for (const flag of flags.filter((name) => name !== 'VIEW_CHANNEL')) {
    it.each(cases)(`${flag}: $name`, ({ base, overwrites, expected }) => {
      const f = bit(flag);
      const b = base(f);
      const result = channelPermissions(member(b.everyone, b.roles), overwrites(f));
      expect((result & f) !== NONE).toBe(expected);
    });

    it(`${flag}: nothing without VIEW_CHANNEL`, () => {
      expect(channelPermissions(member(bit(flag)), { roles: [] })).toBe(NONE);
      expect(channelPermissions(member(VIEW | bit(flag)), { everyone: ow(NONE, VIEW), roles: [] })).toBe(
        NONE,
      );
      expect(channelPermissions(member(VIEW | bit(flag)), { roles: [], member: ow(NONE, VIEW) })).toBe(NONE);
    });

    it(`${flag}: owner and ADMINISTRATOR ignore every overwrite`, () => {
      const denyAll = {
        everyone: ow(NONE, ALL_PERMISSIONS),
        roles: [ow(NONE, ALL_PERMISSIONS)],
        member: ow(NONE, ALL_PERMISSIONS),
      };
      expect(channelPermissions({ isOwner: true, everyone: NONE, roles: [] }, denyAll) & bit(flag)).toBe(
        bit(flag),
      );
      expect(channelPermissions(member(NONE, [PERMISSIONS.ADMINISTRATOR]), denyAll) & bit(flag)).toBe(
        bit(flag),
      );
    });
  }

  it('VIEW_CHANNEL follows the same order', () => {
    expect(channelPermissions(member(VIEW), { everyone: ow(NONE, VIEW), roles: [] })).toBe(NONE);
    expect(
      channelPermissions(member(VIEW), { everyone: ow(NONE, VIEW), roles: [ow(VIEW, NONE)] }) & VIEW,
    ).toBe(VIEW);
    expect(
      channelPermissions(member(VIEW), {
        everyone: ow(NONE, VIEW),
        roles: [ow(VIEW, NONE)],
        member: ow(NONE, VIEW),
      }),
    ).toBe(NONE);
    expect(channelPermissions(member(NONE), { roles: [], member: ow(VIEW, NONE) }) & VIEW).toBe(VIEW);
  });

  it('an overwrite cannot grant ADMINISTRATOR', () => {
    const result = channelPermissions(member(VIEW), {
      everyone: ow(PERMISSIONS.ADMINISTRATOR, NONE),
      roles: [],
    });
    expect(result).toBe(VIEW);
  });
});

describe('hierarchy', () => {
  const owner = { isOwner: true, highestPosition: 0 };
  const at = (position: number) => ({ isOwner: false, highestPosition: position });

  it.each([
    [at(3), 2, true],
    [at(3), 3, false],
    [at(3), 4, false],
    [at(0), 0, false],
    [owner, 99, true],
  ] as const)('actor %o on position %i → %s', (actor, position, expected) => {
    expect(outranks(actor, position)).toBe(expected);
  });

  it('nobody acts on the owner or an equal; the owner acts on anyone else', () => {
    const target = (position: number, isOwner = false) => ({ isOwner, highestPosition: position });
    expect(canActOnMember(at(5), target(4))).toBe(true);
    expect(canActOnMember(at(5), target(5))).toBe(false);
    expect(canActOnMember(at(5), target(0, true))).toBe(false);
    expect(canActOnMember(owner, target(100))).toBe(true);
  });
});
