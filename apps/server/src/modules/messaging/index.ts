export type { AttachmentsPort } from './messaging.dto.js';
export type { MessagingModuleDeps } from './messaging.module.js';
export { createMessagingModule, Messaging } from './messaging.module.js';
export { SYSTEM_ACCOUNT_EMAIL, systemAccount } from './system-account.js';
