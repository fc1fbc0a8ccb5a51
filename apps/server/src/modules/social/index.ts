export { registerSocialRoutes } from './social.http.js';
export { areFriends, isBlockedEitherWay, toUserCard, visiblePresence } from './social.repo.js';
export type { TargetRef } from './social.service.js';
export { SocialService } from './social.service.js';
export { socialSocketHandlers } from './social.socket.js';
