export type { ChannelAccess, CommunitiesApi } from './access.js';
export { can, channelRoom, serverRoom } from './access.js';
export { basePermissions, canActOnMember, channelPermissions, has, outranks } from './permissions.js';
