import { afterEach, describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../../platform/kv/memory-kv.js';
import { ByteQuota } from './upload-quota.js';
import { UploadSlots } from './upload-slots.js';

const DAY = 86_400;
const stores: MemoryKeyValueStore[] = [];

/** A quota of 1000 bytes per day on a clock the test moves by hand, starting at a bucket boundary. */
function quotaAt(startSeconds = DAY * 100) {
  const clock = { now: startSeconds * 1000 };
  const kv = new MemoryKeyValueStore(() => clock.now);
  stores.push(kv);
  const quota = new ByteQuota(kv, { limit: 1000, windowSeconds: DAY }, () => clock.now);
  const advance = (seconds: number) => {
    clock.now += seconds * 1000;
  };
  return { quota, advance };
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

describe('ByteQuota', () => {
  it('lets bytes through up to the limit and refuses the charge that would pass it, without counting it', async () => {
    const { quota } = quotaAt();
    expect((await quota.charge('u', 600)).allowed).toBe(true);
    expect(await quota.exhausted('u')).toBeUndefined();
    const refused = await quota.charge('u', 500);
    expect(refused).toEqual({ allowed: false, retryAfter: expect.any(Number) });
    // The refused 500 left no trace: 400 still fit exactly.
    expect((await quota.charge('u', 400)).allowed).toBe(true);
    expect(await quota.exhausted('u')).toBeGreaterThan(0);
    // Users are counted apart.
    expect((await quota.charge('other', 1000)).allowed).toBe(true);
  });

  it('gives refunded bytes back', async () => {
    const { quota } = quotaAt();
    const first = await quota.charge('u', 700);
    const second = await quota.charge('u', 300);
    if (!first.allowed || !second.allowed) throw new Error('expected both charges to fit');
    expect(await quota.exhausted('u')).toBeGreaterThan(0);
    await quota.refund([first.charge, second.charge]);
    expect(await quota.exhausted('u')).toBeUndefined();
    expect((await quota.charge('u', 1000)).allowed).toBe(true);
  });

  it('rolls: a full day just before midnight still counts just after it, and fades out over the next day', async () => {
    const { quota, advance } = quotaAt();
    advance(DAY - 60);
    expect((await quota.charge('u', 1000)).allowed).toBe(true);
    advance(120);
    // A fixed window would start from zero here and allow another 1000 bytes.
    const refused = await quota.charge('u', 100);
    expect(refused.allowed).toBe(false);
    // 100 bytes fit once a tenth of yesterday's bucket has faded: a tenth of a day minus the 60 s gone.
    expect(refused).toEqual({ allowed: false, retryAfter: DAY / 10 - 60 });
    advance(DAY / 10 - 60);
    expect((await quota.charge('u', 100)).allowed).toBe(true);
    // Two days after the upload nothing of it counts.
    advance(DAY * 2);
    expect((await quota.charge('u', 1000)).allowed).toBe(true);
  });

  it('says to wait until the current bucket fades when it alone is over the room needed', async () => {
    const { quota, advance } = quotaAt();
    advance(DAY / 2);
    expect((await quota.charge('u', 1000)).allowed).toBe(true);
    // Half a day left in this bucket, then half of the next one until 500 bytes of room exist.
    expect(await quota.charge('u', 500)).toEqual({ allowed: false, retryAfter: DAY });
    // A file larger than the whole quota never fits: wait the full fade-out and still be told no.
    expect(await quota.charge('u', 5000)).toEqual({ allowed: false, retryAfter: DAY * 1.5 });
  });
});

describe('UploadSlots', () => {
  it('caps uploads per user and in total, and frees a slot exactly once', () => {
    const slots = new UploadSlots({ perUser: 2, total: 3 });
    const a1 = slots.tryAcquire('a');
    const a2 = slots.tryAcquire('a');
    expect(slots.tryAcquire('a')).toEqual({ acquired: false, reason: 'user' });
    const b1 = slots.tryAcquire('b');
    expect(slots.tryAcquire('b')).toEqual({ acquired: false, reason: 'server' });
    expect(slots.tryAcquire('c')).toEqual({ acquired: false, reason: 'server' });
    if (!a1.acquired || !a2.acquired || !b1.acquired) throw new Error('expected three slots');

    a1.release();
    a1.release(); // A second release must not free a slot someone else holds.
    expect(slots.count()).toBe(2);
    expect(slots.count('a')).toBe(1);
    const c1 = slots.tryAcquire('c');
    expect(c1.acquired).toBe(true);
    expect(slots.tryAcquire('a')).toEqual({ acquired: false, reason: 'server' });
    a2.release();
    b1.release();
    if (c1.acquired) c1.release();
    expect(slots.count()).toBe(0);
    expect(slots.count('a')).toBe(0);
    expect(slots.tryAcquire('a').acquired).toBe(true);
  });
});
