// ScriptApp: installable triggers (spreadsheet and time-driven) with Apps Script's quotas and add-on restrictions,
// the project's enums, the web app URL, the script id and an OAuth token.
import type { Execution } from './execution';
import { enumName, gasEnum } from './gas-enum';
import { serviceObject } from './service-object';
import { epochOf, wallClock } from './spreadsheet/time-zone';
import { MAX_TRIGGERS, type StoredTrigger, type TriggerEventType, type TriggerRegistry } from './trigger-registry';

/** How the project is installed (ScriptApp.InstallationSource names). */
export type InstallationSourceName = 'NONE' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | 'WEB_STORE_ADD_ON';

export const AuthMode = gasEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = gasEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = gasEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const InstallationSource = gasEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'] as const);
const WeekDay = gasEnum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);
const AuthorizationStatus = gasEnum(['REQUIRED', 'NOT_REQUIRED'] as const);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const ADD_ON_INTERVAL = 'The recurrence interval for an Add-on trigger must be at least one hour.';
const ADD_ON_APART = 'Clock events must be scheduled at least 1 hour(s) apart.';

/** True when a run at `at` falls within an hour of a run of `other` (its next one, or any later one when it recurs). */
function withinAnHourOf(at: number, other: StoredTrigger): boolean {
  if (other.eventType !== 'CLOCK' || other.nextAt === undefined) return false;
  if (other.everyMs === undefined || at <= other.nextAt) return Math.abs(at - other.nextAt) < HOUR;
  const before = other.nextAt + Math.floor((at - other.nextAt) / other.everyMs) * other.everyMs;
  return at - before < HOUR || before + other.everyMs - at < HOUR;
}

/** What ScriptApp needs beyond the execution. */
export interface ScriptAppSetup {
  registry: TriggerRegistry;
  installationSource: InstallationSourceName;
  /** The deployed web app's URL, or null when not deployed. */
  webAppUrl: string | null;
  scriptId: string;
  timeZone: string;
  /** The effective user: owns the triggers the execution creates, and sees only their own. */
  userEmail: string;
}

/** A time-driven trigger being built. */
interface ClockSpec {
  everyMs?: number;
  firstAt?: number;
  atHour?: number;
  nearMinute?: number;
  weekDay?: number;
  timeZone: string;
}

/** The first run of a recurring trigger: at the given wall time (and weekday) in its zone, or one period from now. */
function firstRun(spec: ClockSpec & { everyMs: number }, now: number): number {
  if (spec.atHour === undefined && spec.weekDay === undefined) return now + spec.everyMs;
  const today = wallClock(now, spec.timeZone);
  for (let day = 0; day <= 7; day++) {
    const candidate = epochOf(
      { year: today.year, month: today.month, day: today.day + day, hour: spec.atHour ?? 0, minute: spec.nearMinute ?? 0, second: 0 },
      spec.timeZone,
    );
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day + day)).getUTCDay();
    if (candidate > now && (spec.weekDay === undefined || weekday === spec.weekDay)) return candidate;
  }
  return now + spec.everyMs;
}

/** The ScriptApp global for one execution. */
export function createScriptApp(env: Execution, setup: ScriptAppSetup): object {
  const { registry, userEmail } = setup;
  const uniqueIds = new WeakMap<object, string>();

  const triggerObject = (stored: StoredTrigger): object => {
    const trigger = serviceObject(env, 'ScriptApp', 'Trigger', {
      getHandlerFunction: () => stored.handlerFunction,
      getEventType: () => EventType[stored.eventType],
      getUniqueId: () => stored.uniqueId,
      getTriggerSource: () => (stored.sourceId === null ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS),
      getTriggerSourceId: () => stored.sourceId,
    });
    uniqueIds.set(trigger, stored.uniqueId);
    return trigger;
  };

  const install = (trigger: Omit<StoredTrigger, 'uniqueId' | 'owner'>): object => {
    if (registry.list(userEmail).length >= MAX_TRIGGERS) env.fail(TOO_MANY_TRIGGERS);
    return triggerObject(registry.add({ ...trigger, owner: userEmail }));
  };

  const idOf = (spreadsheet: unknown): string =>
    typeof spreadsheet === 'string' ? spreadsheet : String((spreadsheet as { getId(): unknown }).getId());

  const spreadsheetBuilder = (handlerFunction: string, sourceId: string): object => {
    let eventType: TriggerEventType | undefined;
    const choose = (type: TriggerEventType) => () => {
      eventType = type;
      return builder;
    };
    const builder = serviceObject(env, 'ScriptApp', 'SpreadsheetTriggerBuilder', {
      onEdit: choose('ON_EDIT'),
      onOpen: choose('ON_OPEN'),
      onChange: choose('ON_CHANGE'),
      onFormSubmit: choose('ON_FORM_SUBMIT'),
      create: () => {
        if (eventType === undefined) env.fail('Missing event type for the trigger.');
        return install({ handlerFunction, eventType, sourceId });
      },
    });
    return builder;
  };

  const clockBuilder = (handlerFunction: string): object => {
    const spec: ClockSpec = { timeZone: setup.timeZone };
    const set = (change: (value: number) => Partial<ClockSpec>) => (value: unknown) => {
      Object.assign(spec, change(Number(value)));
      return builder;
    };
    const builder = serviceObject(env, 'ScriptApp', 'ClockTriggerBuilder', {
      everyMinutes: (minutes: unknown) => {
        if (!EVERY_MINUTES.includes(Number(minutes))) env.fail('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
        spec.everyMs = Number(minutes) * MINUTE;
        return builder;
      },
      everyHours: set((hours) => ({ everyMs: hours * HOUR })),
      everyDays: set((days) => ({ everyMs: days * DAY })),
      everyWeeks: set((weeks) => ({ everyMs: weeks * 7 * DAY })),
      atHour: set((hour) => ({ atHour: hour })),
      nearMinute: set((minute) => ({ nearMinute: minute })),
      after: set((ms) => ({ firstAt: env.clock.now() + ms })),
      at: (date: unknown) => {
        spec.firstAt = (date as Date).getTime();
        return builder;
      },
      atDate: (year: unknown, month: unknown, day: unknown) => {
        spec.firstAt = epochOf({ year: Number(year), month: Number(month), day: Number(day), hour: 0, minute: 0, second: 0 }, spec.timeZone);
        return builder;
      },
      onWeekDay: (day: unknown) => {
        spec.weekDay = WeekDay[enumName(day) as keyof typeof WeekDay].ordinal();
        return builder;
      },
      inTimezone: (timeZone: unknown) => {
        spec.timeZone = String(timeZone);
        return builder;
      },
      create: () => {
        const { everyMs, firstAt } = spec;
        if (everyMs !== undefined) {
          if (setup.installationSource !== 'NONE' && everyMs < HOUR) env.fail(ADD_ON_INTERVAL);
          return install({ handlerFunction, eventType: 'CLOCK', sourceId: null, everyMs, nextAt: firstRun({ ...spec, everyMs }, env.clock.now()) });
        }
        if (firstAt === undefined) env.fail('Missing schedule for the time-based trigger.');
        // An add-on's clock events are an hour apart at least, one-off ones too (strict reading: see the README).
        if (setup.installationSource !== 'NONE' && registry.list(userEmail).some((other) => withinAnHourOf(firstAt, other))) env.fail(ADD_ON_APART);
        return install({ handlerFunction, eventType: 'CLOCK', sourceId: null, nextAt: firstAt });
      },
    });
    return builder;
  };

  return serviceObject(
    env,
    'ScriptApp',
    'ScriptApp',
    {
      newTrigger: (functionName: unknown) => {
        const handler = String(functionName);
        return serviceObject(env, 'ScriptApp', 'TriggerBuilder', {
          forSpreadsheet: (spreadsheet: unknown) => spreadsheetBuilder(handler, idOf(spreadsheet)),
          timeBased: () => clockBuilder(handler),
        });
      },
      getProjectTriggers: () => env.realm.adopt(registry.list(userEmail).map(triggerObject)),
      getUserTriggers: (spreadsheet: unknown) => {
        const id = idOf(spreadsheet);
        return env.realm.adopt(registry.list(userEmail).filter((t) => t.sourceId === id).map(triggerObject));
      },
      deleteTrigger: (trigger: unknown) => {
        const id = trigger !== null && typeof trigger === 'object' ? uniqueIds.get(trigger) : undefined;
        // Trigger objects come only from the user's own lists, so another user's trigger can never be passed here.
        if (id !== undefined) registry.remove(id);
      },
      getInstallationSource: () => InstallationSource[setup.installationSource],
      getService: () =>
        serviceObject(env, 'ScriptApp', 'Service', {
          getUrl: () => setup.webAppUrl,
          isEnabled: () => setup.webAppUrl !== null,
        }),
      getScriptId: () => setup.scriptId,
      getOAuthToken: () => `ya29.emulated-${setup.scriptId}`,
      getAuthorizationInfo: () =>
        serviceObject(env, 'ScriptApp', 'AuthorizationInfo', {
          getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
          getAuthorizationUrl: () => null,
        }),
    },
    { AuthMode, EventType, TriggerSource, InstallationSource, WeekDay, AuthorizationStatus },
  );
}
