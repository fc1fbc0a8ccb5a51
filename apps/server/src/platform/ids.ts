import { randomInt } from 'node:crypto';
import { USER_ID_MAX, USER_ID_MIN } from '@guftagu/contracts';
import { v7 } from 'uuid';

/** Time-ordered primary keys, so cursor pagination can order by id. */
export function newId(): string {
  return v7();
}

/** A candidate permanent public id; uniqueness is enforced by the database and retried by the caller. */
export function randomPublicUserId(): string {
  return String(randomInt(USER_ID_MIN, USER_ID_MAX + 1));
}
