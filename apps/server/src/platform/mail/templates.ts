import type { OutgoingMail } from './mailer.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The sign-in code email: a short text part and a table-based HTML part that survives mail clients. */
export function otpMail(to: string, code: string, minutesValid: number): OutgoingMail {
  // Escape each character on its own: splitting an escaped string would cut its entities apart.
  const spaced = [...code].map(escapeHtml).join('&#8202;');
  const text = [
    `Your Guftagu sign-in code is ${code}`,
    '',
    `It expires in ${minutesValid} minutes and can be used once.`,
    "If you didn't ask for it, you can ignore this email — nobody can sign in without the code.",
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;background:#0b0b12;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#e7e7f0">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="padding:32px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;background:#14141f;border:1px solid #262638;border-radius:16px;padding:32px">
<tr><td style="font-size:20px;font-weight:700;letter-spacing:-0.02em;color:#ffffff">Guftagu</td></tr>
<tr><td style="padding-top:24px;font-size:15px;line-height:1.6;color:#b9b9cc">Here is your sign-in code:</td></tr>
<tr><td style="padding:20px 0"><div style="font-size:36px;font-weight:700;letter-spacing:0.3em;color:#ffffff;background:#1d1d2c;border-radius:12px;padding:16px 0;text-align:center">${spaced}</div></td></tr>
<tr><td style="font-size:14px;line-height:1.6;color:#8d8da6">It expires in ${minutesValid} minutes and works once. If you didn't ask for it, ignore this email — nobody can sign in without the code.</td></tr>
</table></td></tr></table></body></html>`;
  return { to, subject: `${code} is your Guftagu sign-in code`, html, text };
}
