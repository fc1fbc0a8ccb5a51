export type { ChannelAccess, CommunitiesPort } from './access.js';
export type { ChannelMessagesDeps } from './channel-messages.module.js';
export { ChannelMessages, createChannelMessagesModule } from './channel-messages.module.js';
