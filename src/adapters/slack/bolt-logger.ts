// Bolt's Logger interface over our Log, so Bolt's warnings land in the same JSON lines.
import { type Logger, LogLevel } from '@slack/bolt';
import type { Log } from '../../log.ts';

export function boltLogger(log: Log): Logger {
  const line = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    debug: (...m) => log.debug(line(m), { from: 'bolt' }),
    info: (...m) => log.info(line(m), { from: 'bolt' }),
    warn: (...m) => log.warn(line(m), { from: 'bolt' }),
    error: (...m) => log.error(line(m), { from: 'bolt' }),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/** The same logger with warnings demoted to debug, for a call whose failure the caller reports itself. */
export function quietLogger(logger: Logger): Logger {
  return { ...logger, warn: logger.debug, info: logger.debug };
}
