export { registerAuthRoutes } from './auth.http.js';
export { createAuthModule } from './auth.module.js';
export type { PasswordPolicy } from './auth.service.js';
export { AuthService, DEFAULT_PASSWORD_POLICY } from './auth.service.js';
export type { OtpPolicy } from './otp.service.js';
export { DEFAULT_OTP_POLICY, OtpService } from './otp.service.js';
export type { Authenticated, ClientMeta } from './session.service.js';
export { SessionService } from './session.service.js';
export { AccessTokens } from './tokens.js';
