export {
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
  ZDevMail,
  ZDevMailboxResponse,
} from './auth.js';
export type {
  TLogin,
  TMeResponse,
  TMessageResponse,
  TRegister,
  TSendOtp,
  TSendOtpResponse,
  TSessionResponse,
  TVerifyOtp,
  TDevMail,
} from './auth.js';
export { ERROR_CODES, ZErrorCode, ZErrorEnvelope, statusForCode } from './errors.js';
export type { TErrorCode, TErrorEnvelope } from './errors.js';
export { ZHealthResponse } from './health.js';
export type { THealthResponse } from './health.js';
export {
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
  clientEvents,
  serverEvents,
} from './socket.js';
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
export { USER_ID_MAX, USER_ID_MIN, ZUserId7, formatUserId, isValidUserId } from './user-id.js';
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
export type { TCheckUsernameResponse, TOnboard, TPrivacy, TSelfUser } from './users.js';
