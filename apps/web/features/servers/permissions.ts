/**
 * How the server settings explain each permission flag. The API speaks flag names (contracts'
 * `PermissionName`); this file only adds the words people read next to the toggles, grouped the way
 * Discord groups them so the long list scans quickly.
 */
export interface PermissionInfo {
  label: string;
  /** One line: what turning it on lets someone do. */
  description: string;
}

export const PERMISSION_INFO = {
  VIEW_CHANNEL: {
    label: 'View channels',
    description: 'See channels and read what is posted while they are there.',
  },
  SEND_MESSAGES: { label: 'Send messages', description: 'Post messages in text channels.' },
  READ_MESSAGE_HISTORY: {
    label: 'Read message history',
    description: 'Scroll back through messages sent before they opened the channel.',
  },
  ATTACH_FILES: { label: 'Attach files', description: 'Upload pictures and files with their messages.' },
  ADD_REACTIONS: { label: 'Add reactions', description: 'React to messages with emoji.' },
  MENTION_EVERYONE: {
    label: 'Mention @everyone and @here',
    description: 'Notify every member, or everyone online, with one mention.',
  },
  CREATE_INVITE: { label: 'Create invites', description: 'Invite new people to this server.' },
  MANAGE_SERVER: {
    label: 'Manage server',
    description: 'Change the server’s name, description and icon, and revoke invites.',
  },
  MANAGE_CHANNELS: {
    label: 'Manage channels',
    description: 'Create, edit, reorder and delete channels and their permissions.',
  },
  MANAGE_ROLES: {
    label: 'Manage roles',
    description: 'Create and edit roles below their highest one, and give them to members.',
  },
  MANAGE_MESSAGES: {
    label: 'Manage messages',
    description: 'Delete other members’ messages and pin messages.',
  },
  KICK_MEMBERS: {
    label: 'Kick members',
    description: 'Remove members (they can rejoin with an invite).',
  },
  BAN_MEMBERS: { label: 'Ban members', description: 'Remove members and stop them from rejoining.' },
  MODERATE_MEMBERS: {
    label: 'Time out members',
    description: 'Stop members from chatting or talking for a while.',
  },
  CONNECT: { label: 'Connect', description: 'Join voice channels.' },
  SPEAK: { label: 'Speak', description: 'Talk in voice channels.' },
  VIDEO: { label: 'Video', description: 'Share their camera or screen in voice channels.' },
  MUTE_MEMBERS: { label: 'Mute members', description: 'Mute other people in voice channels.' },
  DEAFEN_MEMBERS: {
    label: 'Deafen members',
    description: 'Stop other people from hearing a voice channel.',
  },
  MOVE_MEMBERS: { label: 'Move members', description: 'Move people between voice channels.' },
  MANAGE_EVENTS: { label: 'Manage events', description: 'Create, edit and cancel server events.' },
  ADMINISTRATOR: {
    label: 'Administrator',
    description: 'Every permission, and every channel regardless of its overwrites. Grant with care.',
  },
} as const satisfies Record<string, PermissionInfo>;

export type PermissionFlag = keyof typeof PERMISSION_INFO;

export interface PermissionGroup {
  title: string;
  flags: PermissionFlag[];
}

export const PERMISSION_GROUPS: PermissionGroup[] = [
  {
    title: 'General',
    flags: [
      'VIEW_CHANNEL',
      'MANAGE_CHANNELS',
      'MANAGE_ROLES',
      'MANAGE_SERVER',
      'CREATE_INVITE',
      'MANAGE_EVENTS',
    ],
  },
  { title: 'Membership', flags: ['KICK_MEMBERS', 'BAN_MEMBERS', 'MODERATE_MEMBERS'] },
  {
    title: 'Text channels',
    flags: [
      'SEND_MESSAGES',
      'READ_MESSAGE_HISTORY',
      'ATTACH_FILES',
      'ADD_REACTIONS',
      'MENTION_EVERYONE',
      'MANAGE_MESSAGES',
    ],
  },
  {
    title: 'Voice channels',
    flags: ['CONNECT', 'SPEAK', 'VIDEO', 'MUTE_MEMBERS', 'DEAFEN_MEMBERS', 'MOVE_MEMBERS'],
  },
  { title: 'Advanced', flags: ['ADMINISTRATOR'] },
];

/** Flags that mean something on a single channel (the overwrite editor shows only these). */
export const CHANNEL_FLAGS: PermissionFlag[] = [
  'VIEW_CHANNEL',
  'MANAGE_CHANNELS',
  'CREATE_INVITE',
  'SEND_MESSAGES',
  'READ_MESSAGE_HISTORY',
  'ATTACH_FILES',
  'ADD_REACTIONS',
  'MENTION_EVERYONE',
  'MANAGE_MESSAGES',
  'CONNECT',
  'SPEAK',
  'VIDEO',
  'MUTE_MEMBERS',
  'DEAFEN_MEMBERS',
  'MOVE_MEMBERS',
];

/** Turns one flag on or off in a list of flag names, keeping the list free of duplicates. */
export function withFlag<F extends string>(flags: readonly F[], flag: F, on: boolean): F[] {
  const rest = flags.filter((item) => item !== flag);
  return on ? [...rest, flag] : rest;
}

export type OverwriteState = 'allow' | 'neutral' | 'deny';

/** The tri-state of one flag in an overwrite. */
export function overwriteState(
  flag: string,
  allow: readonly string[],
  deny: readonly string[],
): OverwriteState {
  if (allow.includes(flag)) return 'allow';
  if (deny.includes(flag)) return 'deny';
  return 'neutral';
}

/** Sets one flag of an overwrite to allow, neutral or deny; a flag is never in both lists. */
export function setOverwrite<F extends string>(
  overwrite: { allow: readonly F[]; deny: readonly F[] },
  flag: F,
  state: OverwriteState,
): { allow: F[]; deny: F[] } {
  return {
    allow: withFlag(overwrite.allow, flag, state === 'allow'),
    deny: withFlag(overwrite.deny, flag, state === 'deny'),
  };
}
