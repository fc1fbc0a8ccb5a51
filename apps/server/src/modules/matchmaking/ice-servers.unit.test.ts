import { describe, expect, it } from 'vitest';
import { iceServersFor, splitUrls, turnCredential } from './ice-servers.js';

describe('ICE servers', () => {
  it('computes coturn REST credentials as base64(HMAC-SHA1(secret, username))', () => {
    // Vector from Python: base64(hmac.new(b'coturn-shared-secret', b'1700003600:anon', sha1).digest())
    expect(turnCredential('coturn-shared-secret', '1700003600:anon')).toBe('y3xuNCgKisMrFumIxVlEgzdQ6VA=');
  });

  it('names the user and an expiry ttl seconds ahead in the TURN username', () => {
    const config = {
      stunUrls: ['stun:a'],
      turnUrls: ['turn:b'],
      turnSecret: 'coturn-shared-secret',
      ttlSeconds: 3600,
    };
    const result = iceServersFor(config, null, 1_700_000_000_000);
    expect(result).toEqual({
      iceServers: [
        { urls: ['stun:a'] },
        { urls: ['turn:b'], username: '1700003600:anon', credential: 'y3xuNCgKisMrFumIxVlEgzdQ6VA=' },
      ],
      relayAvailable: true,
      ttlSeconds: 3600,
    });
    expect(iceServersFor(config, 'user-1', 1_700_000_000_000).iceServers[1]?.username).toBe(
      '1700003600:user-1',
    );
  });

  it('offers STUN only when TURN is not configured', () => {
    const result = iceServersFor(
      { stunUrls: ['stun:a'], turnUrls: ['turn:b'], turnSecret: undefined, ttlSeconds: 60 },
      null,
      0,
    );
    expect(result).toEqual({ iceServers: [{ urls: ['stun:a'] }], relayAvailable: false, ttlSeconds: 0 });
  });

  it('splits comma-separated URL lists', () => {
    expect(splitUrls(' stun:a , ,stun:b')).toEqual(['stun:a', 'stun:b']);
    expect(splitUrls(undefined)).toEqual([]);
  });
});
