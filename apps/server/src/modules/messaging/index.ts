export type { AttachmentsPort } from './messaging.dto.js';
export { registerMessagingRoutes } from './messaging.http.js';
export type { MessagingModuleDeps } from './messaging.module.js';
export { createMessagingModule, Messaging } from './messaging.module.js';
export { messagingSocketHandlers } from './messaging.socket.js';
export { SYSTEM_ACCOUNT_EMAIL, systemAccount } from './system-account.js';
