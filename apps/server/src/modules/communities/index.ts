export type { ChannelAccess, CommunitiesApi } from './access.js';
export { can, channelRoom, serverRoom } from './access.js';
export { createCommunitiesModule } from './communities.module.js';
export type { CommunityLimits } from './context.js';
export { basePermissions, canActOnMember, channelPermissions, has, outranks } from './permissions.js';
