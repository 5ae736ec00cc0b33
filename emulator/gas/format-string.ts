// Java-style format strings (`%s`, `%d`, `%.2f`, `%05d`, `%%`) as Utilities.formatString and Logger.log use them.

const SPEC = /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdifx%])/g;

/** Text of one value as Logger prints it: plain objects and arrays as JSON, everything else with String(). */
export function logText(value: unknown): string {
  // Dates may come from the script's realm, so they are recognised by their tag rather than instanceof.
  if (value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Date]') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Fills `template` with `args` the way java.lang.String.format does for the common conversions. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(SPEC, (_match, left: string | undefined, zero: string | undefined, width: string | undefined, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    const value = args[next++];
    let text: string;
    if (conversion === 's') text = precision === undefined ? logText(value) : logText(value).slice(0, Number(precision));
    else if (conversion === 'f') text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
    else if (conversion === 'x') text = Math.trunc(Number(value)).toString(16);
    else text = String(Math.trunc(Number(value)));
    const size = width === undefined ? 0 : Number(width);
    if (text.length >= size) return text;
    if (left) return text.padEnd(size);
    if (!zero || conversion === 's') return text.padStart(size);
    return text.startsWith('-') ? `-${text.slice(1).padStart(size - 1, '0')}` : text.padStart(size, '0');
  });
}
