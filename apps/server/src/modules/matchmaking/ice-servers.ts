import { createHmac } from 'node:crypto';
import type { TIceServer } from '@guftagu/contracts';

export interface IceConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn `static-auth-secret` (`use-auth-secret`); TURN is offered only when it is set. */
  turnSecret: string | undefined;
  ttlSeconds: number;
}

export interface IceServers {
  iceServers: TIceServer[];
  relayAvailable: boolean;
  ttlSeconds: number;
}

/**
 * coturn's TURN REST API credential: the username is `<expiry unix seconds>:<user>`, the password is
 * base64(HMAC-SHA1(secret, username)). coturn recomputes it, so no per-user state is shared.
 */
export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** ICE servers for one participant; TURN credentials are short-lived and name the user (or `anon`). */
export function iceServersFor(config: IceConfig, userId: string | null, nowMs: number): IceServers {
  const iceServers: TIceServer[] = config.stunUrls.length ? [{ urls: config.stunUrls }] : [];
  if (!config.turnSecret || config.turnUrls.length === 0) {
    return { iceServers, relayAvailable: false, ttlSeconds: 0 };
  }
  const username = `${Math.floor(nowMs / 1000) + config.ttlSeconds}:${userId ?? 'anon'}`;
  iceServers.push({
    urls: config.turnUrls,
    username,
    credential: turnCredential(config.turnSecret, username),
  });
  return { iceServers, relayAvailable: true, ttlSeconds: config.ttlSeconds };
}

export function splitUrls(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}
