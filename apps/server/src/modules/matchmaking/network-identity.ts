import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { KeyValueStore } from '../../platform/kv/kv.js';

/**
 * Who an anonymous socket probably is. Bans and blocks bind accounts, and anonymous video chat
 * would let anyone step around them by signing out. So each browser gets a random device id cookie on
 * its Socket.IO handshake, and every signed-in join remembers "this device / this address was used by
 * user X" for a month. An anonymous join then inherits:
 * - from its device: the bans, blocks and reports of the users of that browser (never matched with
 *   the people they blocked or who blocked them, nor with themselves);
 * - from its address: bans only (a NAT is shared by strangers, so exclusions are not spread by IP).
 * Residual risk, by design: a banned or blocked user who clears cookies AND changes network (or
 * never used video chat signed in from them) is not recognised; cookie-less clients (bots) are
 * recognised by address only.
 */
export const DEVICE_COOKIE = 'guftagu_mmid';
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;
const REMEMBER_SECONDS = 30 * 24 * 3600;
const USERS_PER_KEY = 5;

export interface NetworkRef {
  device?: string | null;
  ip?: string | null;
}

export function deviceOf(request: IncomingMessage): string | null {
  const issued = issuedDevices.get(request);
  if (issued) return issued;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value = ''] = part.trim().split('=');
    if (name === DEVICE_COOKIE && DEVICE_ID.test(value)) return value;
  }
  return null;
}

/** Device ids issued on a handshake that did not carry one yet (the cookie arrives from the next one). */
const issuedDevices = new WeakMap<IncomingMessage, string>();

/** The `Set-Cookie` for a handshake without a device id (Engine.IO `initial_headers`). */
export function issueDevice(request: IncomingMessage, secure: boolean): string | null {
  if (deviceOf(request)) return null;
  const id = randomBytes(16).toString('base64url');
  issuedDevices.set(request, id);
  return `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export class NetworkIdentity {
  constructor(private readonly kv: KeyValueStore) {}

  private keys(ref: NetworkRef): { device: string | null; ip: string | null } {
    return {
      device: ref.device ? `mm:net:d:${digest(ref.device)}` : null,
      ip: ref.ip ? `mm:net:ip:${digest(ref.ip)}` : null,
    };
  }

  /** A signed-in join: remember that this browser and address belong (also) to `userId`. */
  async remember(ref: NetworkRef, userId: string): Promise<void> {
    for (const key of Object.values(this.keys(ref))) {
      if (!key) continue;
      const known = await this.read(key);
      const next = [userId, ...known.filter((id) => id !== userId)].slice(0, USERS_PER_KEY);
      await this.kv.set(key, JSON.stringify(next), REMEMBER_SECONDS);
    }
  }

  async usersOf(ref: NetworkRef): Promise<{ deviceUsers: string[]; ipUsers: string[] }> {
    const keys = this.keys(ref);
    return {
      deviceUsers: keys.device ? await this.read(keys.device) : [],
      ipUsers: keys.ip ? await this.read(keys.ip) : [],
    };
  }

  private async read(key: string): Promise<string[]> {
    const raw = await this.kv.get(key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }
}
