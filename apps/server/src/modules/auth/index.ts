export { createAuthModule } from './auth.module.js';
export type { PasswordPolicy } from './auth.service.js';
export type { OtpPolicy } from './otp.service.js';
export type { Authenticated, ClientMeta, SessionService } from './session.service.js';
