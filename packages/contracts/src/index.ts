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
export { formatUserId, isValidUserId, USER_ID_MAX, USER_ID_MIN, ZUserId7 } from './user-id.js';
export type { TCheckUsernameResponse, TOnboard, TPrivacy, TSelfUser } from './users.js';
export {
  USERNAME_PATTERN,
  ZCheckUsernameQuery,
  ZCheckUsernameResponse,
  ZDisplayName,
  ZOnboard,
  ZPrivacy,
  ZSelfUser,
  ZUsername,
} from './users.js';
