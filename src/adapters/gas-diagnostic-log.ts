// DiagnosticLog over the Apps Script console (Cloud Logging / the execution log).
import type { DiagnosticLog } from '../app/ports';

/** Console adapter. */
export class GasDiagnosticLog implements DiagnosticLog {
  error(message: string): void {
    console.error(message);
  }
}
