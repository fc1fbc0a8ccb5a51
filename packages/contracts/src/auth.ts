import { z } from 'zod';
import { ZSelfUser, ZUsername } from './users.js';

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const ZOtpCode = z.string().regex(/^\d{6}$/, 'The code is 6 digits');

export const ZPassword = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .max(200, 'Password is at most 200 characters');

export const ZSendOtp = z.object({ email: ZEmail });
export type TSendOtp = z.infer<typeof ZSendOtp>;

export const ZSendOtpResponse = z.object({
  success: z.literal(true),
  message: z.string(),
  /** Seconds until another code may be requested for this email. */
  resendAfter: z.number().int(),
  expiresIn: z.number().int(),
});
export type TSendOtpResponse = z.infer<typeof ZSendOtpResponse>;

export const ZVerifyOtp = z.object({ email: ZEmail, otp: ZOtpCode });
export type TVerifyOtp = z.infer<typeof ZVerifyOtp>;

export const ZRegister = z.object({ username: ZUsername, email: ZEmail, password: ZPassword });
export type TRegister = z.infer<typeof ZRegister>;

export const ZLogin = z.object({ email: ZEmail, password: z.string().min(1).max(200) });
export type TLogin = z.infer<typeof ZLogin>;

/** Every way of signing in ends here: an access token plus the user (the refresh token is a cookie). */
export const ZSessionResponse = z.object({
  success: z.literal(true),
  token: z.string(),
  expiresIn: z.number().int(),
  user: ZSelfUser,
  isNewUser: z.boolean(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZMeResponse = z.object({ success: z.literal(true), user: ZSelfUser });
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZMessageResponse = z.object({ success: z.literal(true), message: z.string() });
export type TMessageResponse = z.infer<typeof ZMessageResponse>;

export const ZDevMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
});
export type TDevMail = z.infer<typeof ZDevMail>;

export const ZDevMailboxResponse = z.object({ success: z.literal(true), messages: z.array(ZDevMail) });
