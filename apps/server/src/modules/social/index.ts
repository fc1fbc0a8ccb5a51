export { createSocialModule } from './social.module.js';
export {
  areFriends,
  findBlockedEitherWayIds,
  isBlockedEitherWay,
  relationColumns,
  toUserCard,
  visiblePresence,
} from './social.repo.js';
export type { TargetRef } from './social.service.js';
export { SocialService } from './social.service.js';
