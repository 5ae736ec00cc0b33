// The people who use one Apps Script project: each has their own user properties, user cache and user lock, and
// owns the installable triggers their executions create.
import type { Clock } from '../clock';
import { CacheStore, type CacheEviction } from './cache-store';
import { LockState } from './lock-service';
import { PropertyStore } from './property-store';

/** What Apps Script keeps per user per script. */
export interface UserState {
  readonly email: string;
  readonly properties: PropertyStore;
  readonly cache: CacheStore;
  readonly lock: LockState;
}

/** Every user's state, made on first use. */
export class Users {
  private readonly byEmail = new Map<string, UserState>();

  constructor(
    private readonly clock: Clock,
    private readonly eviction: CacheEviction | null,
  ) {}

  /** The state of `email` (a new, empty one for a user never seen before). */
  of(email: string): UserState {
    let state = this.byEmail.get(email);
    if (!state) {
      state = { email, properties: new PropertyStore(), cache: new CacheStore(this.clock, this.eviction), lock: new LockState() };
      this.byEmail.set(email, state);
    }
    return state;
  }
}
