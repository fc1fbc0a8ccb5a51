export type {
  TDevMail,
  TLogin,
  TMeResponse,
  TMessageResponse,
  TRegister,
  TSendOtp,
  TSendOtpResponse,
  TSessionResponse,
  TVerifyOtp,
} from './auth.js';
export {
  ZDevMail,
  ZDevMailboxResponse,
  ZEmail,
  ZLogin,
  ZMeResponse,
  ZMessageResponse,
  ZOtpCode,
  ZPassword,
  ZRegister,
  ZSendOtp,
  ZSendOtpResponse,
  ZSessionResponse,
  ZVerifyOtp,
} from './auth.js';
export type { TErrorCode, TErrorEnvelope } from './errors.js';
export { ERROR_CODES, statusForCode, ZErrorCode, ZErrorEnvelope } from './errors.js';
export type { THealthResponse } from './health.js';
export { ZHealthResponse } from './health.js';
export type { TNotification } from './notifications.js';
export {
  NOTIFICATION_TYPES,
  ZMarkNotificationsRead,
  ZNotification,
  ZNotificationCountUpdate,
  ZNotificationDelete,
  ZNotificationIdParam,
  ZNotificationMarkRead,
  ZNotificationNew,
  ZNotificationsQuery,
  ZNotificationsResponse,
  ZUnreadCountResponse,
} from './notifications.js';
export type { TPresenceStatus, TPublicProfile, TRelationship, TUpdateProfile } from './profile.js';
export {
  BIO_MAX,
  countGraphemes,
  INTEREST_MAX_LENGTH,
  INTERESTS_MAX,
  ZBio,
  ZInterests,
  ZPresenceStatus,
  ZPublicProfile,
  ZPublicProfileResponse,
  ZRelationship,
  ZUpdateProfile,
} from './profile.js';
export type { TFriend, TFriendRequest, TUserCard } from './social.js';
export {
  ZBlockBody,
  ZBlockedByUser,
  ZBlockedUsersResponse,
  ZByUser,
  ZFriend,
  ZFriendPresence,
  ZFriendProfileUpdated,
  ZFriendRequest,
  ZFriendRequestAccepted,
  ZFriendRequestCancelled,
  ZFriendRequestReceived,
  ZFriendRequestRejected,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsQuery,
  ZFriendsResponse,
  ZOkResponse,
  ZRequestIdBody,
  ZRequestMessage,
  ZSearchQuery,
  ZSendFriendRequest,
  ZSendFriendRequestById,
  ZSendFriendRequestEvent,
  ZUnfriendEvent,
  ZUnfriended,
  ZUpdateStatus,
  ZUserCard,
  ZUserIdParam,
  ZUserSearchResponse,
} from './social.js';
export type {
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ServerEventName,
  ServerPayload,
  ServerToClientEvents,
  TAck,
  TAuthenticated,
  TUserCountUpdate,
} from './socket.js';
export {
  clientEvents,
  serverEvents,
  ZAck,
  ZAckOk,
  ZAuthError,
  ZAuthenticate,
  ZAuthenticated,
  ZForceDisconnect,
  ZHeartbeat,
  ZRateLimitExceeded,
  ZReconnected,
  ZSocketError,
  ZUserCountUpdate,
} from './socket.js';
export type { TAttachment, TUploadResponse } from './uploads.js';
export {
  ATTACHMENT_FILE_MAX_BYTES,
  ATTACHMENT_IMAGE_MAX_BYTES,
  ATTACHMENTS_PER_MESSAGE_MAX,
  ZAttachment,
  ZAttachmentIds,
  ZAttachmentKind,
  ZUploadResponse,
} from './uploads.js';
export { formatUserId, isValidUserId, USER_ID_MAX, USER_ID_MIN, ZUserId7 } from './user-id.js';
export type { TCheckUsernameResponse, TOnboard, TPrivacy, TSelfUser } from './users.js';
export {
  isReservedUsername,
  RESERVED_USERNAMES,
  USERNAME_PATTERN,
  ZCheckUsernameQuery,
  ZCheckUsernameResponse,
  ZDisplayName,
  ZOnboard,
  ZPrivacy,
  ZSelfUser,
  ZUsername,
} from './users.js';
