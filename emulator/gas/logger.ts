// Logger and console: what the script logs goes to the execution's log lines.
import { format } from 'node:util';
import type { Execution } from './execution';
import { formatString, logText } from './format-string';
import { serviceObject } from './service-object';

/** The Logger global for one execution. */
export function createLogger(env: Execution): object {
  const logger = serviceObject(env, 'Logger', 'Logger', {
    // Logger.log(data) or Logger.log(format, values…) with Java-style placeholders.
    log: (data: unknown, ...values: unknown[]) => {
      env.log(values.length > 0 ? formatString(String(data), values) : logText(data));
      return logger;
    },
    getLog: () => env.logs.join('\n'),
    clear: () => {
      env.logs.length = 0;
    },
  });
  return logger;
}

/**
 * The console global for one execution. Lines are prefixed with their level unless they are plain logs, so tests
 * can tell warnings and errors apart. console is part of the JavaScript runtime, so its calls are not counted.
 */
export function createConsole(env: Execution): object {
  const writer = (level: string) => (...args: unknown[]) => {
    const text = format(...args);
    env.log(level === '' ? text : `${level}: ${text}`);
  };
  return Object.freeze({
    log: writer(''),
    info: writer(''),
    debug: writer(''),
    warn: writer('WARNING'),
    error: writer('ERROR'),
  });
}
