/** The knobs of seed 000's admin "System Settings" that matchmaking reads on every decision. */
export interface MatchSettingsValues {
  /** 0 means no limit. */
  maxConcurrentMatches: number;
  queueTimeoutMs: number;
  gracePeriodMs: number;
  relaxAfterMs: number;
  allowAnonymous: boolean;
  maintenance: boolean;
}

type Listener = (current: MatchSettingsValues, previous: MatchSettingsValues) => void;

/**
 * Settings start from the environment and can be changed at runtime (the admin console will call
 * `update`). Each node holds its own copy: an admin change must be applied on every node, e.g. by
 * publishing it on the message bus and calling `update` in each.
 */
export class MatchSettings {
  private values: MatchSettingsValues;
  private readonly listeners = new Set<Listener>();

  constructor(initial: MatchSettingsValues) {
    this.values = { ...initial };
  }

  current(): Readonly<MatchSettingsValues> {
    return this.values;
  }

  update(change: Partial<MatchSettingsValues>): MatchSettingsValues {
    const previous = this.values;
    this.values = { ...previous, ...change };
    for (const listener of this.listeners) listener(this.values, previous);
    return this.values;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
