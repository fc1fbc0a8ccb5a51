export type { ChannelAccess, CommunitiesApi } from './access.js';
export { can, channelRoom, serverRoom } from './access.js';
export { createCommunitiesModule } from './communities.module.js';
/** For other modules' reads in their own statements (voice's owner check and member sweep); writes stay here. */
export { serverMembers, servers } from './communities.schema.js';
export type { CommunityLimits } from './context.js';
export { basePermissions, canActOnMember, channelPermissions, has, outranks } from './permissions.js';
