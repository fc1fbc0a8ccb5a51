import type { Logger } from './logger.js';

/**
 * Runs the side effects of a change that has already committed (events, notifications), each on its
 * own. A failure is logged, never thrown: the change happened, and an error would make the client
 * retry into a CONFLICT or NOT_FOUND for something that succeeded.
 */
export async function runAfterCommit(
  logger: Logger,
  what: string,
  ...effects: Array<() => unknown>
): Promise<void> {
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      logger.error({ err: error, effect: what }, 'side effect after commit failed');
    }
  }
}
