// Session: who runs the execution, and the script's time zone.
import { createHash } from 'node:crypto';
import type { Execution } from './execution';
import { serviceObject } from './service-object';

/** Who the execution runs for; an empty active email is what Apps Script gives for anonymous web app visitors. */
export interface SessionIdentity {
  activeUserEmail: string;
  effectiveUserEmail: string;
  timeZone: string;
}

function createUser(env: Execution, email: string): object {
  return serviceObject(env, 'Session', 'User', { getEmail: () => email });
}

/** The Session global for one execution. */
export function createSession(env: Execution, identity: SessionIdentity): object {
  return serviceObject(env, 'Session', 'Session', {
    getActiveUser: () => createUser(env, identity.activeUserEmail),
    getEffectiveUser: () => createUser(env, identity.effectiveUserEmail),
    getScriptTimeZone: () => identity.timeZone,
    getActiveUserLocale: () => 'en',
    // Stable per user and script, and reveals nothing about the user.
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`temporary-key:${identity.activeUserEmail}`).digest('base64').slice(0, 43),
  });
}
