// The script's own JavaScript realm: a fresh node:vm context per execution that holds only the GAS globals and a
// Date that reads the emulated clock.
import vm from 'node:vm';
import type { Clock } from '../clock';

/** Built-ins of the realm that the emulator needs to make values the script sees as its own. */
interface RealmIntrinsics {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

// Replaces the realm's Date: `new Date()`, `Date()` and `Date.now()` read the clock, every other form behaves as
// usual. The prototype is shared, so `instanceof Date` holds for every date of the realm.
const INSTALL_CLOCK_DATE = `(function (clockNow) {
  var RealDate = Date;
  var ClockDate = function Date(year, month, day, hours, minutes, seconds, ms) {
    if (!new.target) return new RealDate(clockNow()).toString();
    var args = arguments.length === 0 ? [clockNow()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  };
  Object.setPrototypeOf(ClockDate, RealDate);
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  Object.defineProperty(ClockDate, 'now', { value: function now() { return clockNow(); }, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
  return { Date: ClockDate, Error: Error, Array: Array, Object: Object };
})`;

/** A bundle compiled once and run in every new realm (GAS loads the project's files anew for each execution). */
export class CompiledScript {
  readonly script: vm.Script;

  constructor(code: string, filename = 'Code.js') {
    this.script = new vm.Script(code, { filename });
  }
}

/** One execution's realm. */
export class ScriptRealm {
  readonly context: vm.Context;
  private readonly intrinsics: RealmIntrinsics;

  /** A realm with the JavaScript built-ins only (nothing from Node); `define` adds the GAS globals. */
  constructor(clock: Clock) {
    this.context = vm.createContext(mutationTestingGlobals());
    const install = vm.runInContext(INSTALL_CLOCK_DATE, this.context) as (now: () => number) => RealmIntrinsics;
    // The emulated clock may stand between milliseconds (call costs per KiB); a script's clock reads whole ones.
    this.intrinsics = install(() => Math.floor(clock.now()));
  }

  /** Adds the GAS globals (they come after creation: services need the realm to make dates and errors). */
  define(globals: Record<string, unknown>): void {
    Object.assign(this.context, globals);
  }

  /** Runs the bundle's top level in this realm. */
  load(compiled: CompiledScript): void {
    compiled.script.runInContext(this.context);
  }

  /** A global of the script (e.g. a top-level function), or undefined. */
  global(name: string): unknown {
    return (this.context as Record<string, unknown>)[name];
  }

  /** A Date of the realm, so `instanceof Date` holds inside the script. */
  newDate(epochMs: number): Date {
    return new this.intrinsics.Date(epochMs);
  }

  /** An Error of the realm with the given name (GAS service errors are named `Exception`). */
  newError(name: string, message: string): Error {
    const error = new this.intrinsics.Error(message);
    error.name = name;
    return error;
  }

  /**
   * Rebuilds plain data (arrays and plain objects, recursively) with the realm's own constructors, so values the
   * services return pass `instanceof Array`/`Object` checks in the script. Other values, and frozen objects (the
   * service objects and enum values, whose identity matters), are returned as they are.
   */
  adopt<T>(value: T): T {
    if (Array.isArray(value)) {
      return this.intrinsics.Array.from(value, (item: unknown) => this.adopt(item)) as T;
    }
    if (isPlainObject(value)) {
      const copy = new this.intrinsics.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = this.adopt(item);
      return copy as T;
    }
    return value;
  }
}

/** Stryker's global for mutated code, and the environment variable in which its runner names the active mutant. */
const MUTATION_GLOBAL = '__stryker__';
const ACTIVE_MUTANT_VARIABLE = '__STRYKER_ACTIVE_MUTANT__';

/**
 * Mutation testing (`npm run mutate`) builds the bundle from mutated sources whose code reads the test runner's
 * `__stryker__` global to know which mutant is active (and to record coverage). A fresh realm has its own global
 * object, so that one global is passed in when the host has it; otherwise the realm starts empty, as in GAS.
 */
function mutationTestingGlobals(): Record<string, unknown> {
  const host = globalThis as Record<string, unknown>;
  // The mutated code reads the active mutant from `process.env` when none is set yet, and a realm has no `process`.
  const active = process.env[ACTIVE_MUTANT_VARIABLE];
  if (host[MUTATION_GLOBAL] === undefined && !active) return {};
  const shared = (host[MUTATION_GLOBAL] ??= {}) as { activeMutant?: string };
  if (shared.activeMutant === undefined && active) shared.activeMutant = active;
  return { [MUTATION_GLOBAL]: shared };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
}
