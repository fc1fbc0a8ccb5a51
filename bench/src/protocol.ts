/** IPC between the bench (parent) and a server under test (child process). */

export interface MemorySample {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

/** Cumulative event-loop idle/active time (ms) since the process started. */
export interface LoopSample {
  idle: number;
  active: number;
  /** Cumulative CPU time (user + system, ms) of the process: unlike loop activity, not inflated by waiting for a core. */
  cpu?: number;
  /** SQL statements sent so far (gateway only). */
  queries?: number;
}

export type EmitMode = 'each' | 'coalesce';

export type Request =
  | { type: 'measure' }
  | { type: 'loop' }
  /** Durations (ms) of the synchronous broadcast writes since the last call; clears them. */
  | { type: 'broadcasts' }
  | { type: 'snapshot'; file: string }
  /** Baseline only: `each` emits on every connect/disconnect (stock); `coalesce` batches per loop turn. */
  | { type: 'mode'; mode: EmitMode }
  | { type: 'shutdown' };

export type ParentMessage = Request & { id: number };

export type ChildMessage =
  | { type: 'ready'; url: string; info: Record<string, string> }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'fatal'; error: string };
