// The logger handed down to every part: JSON lines on stderr (stdout belongs to the terminal chat).
export interface Log {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number] | 'silent';

export function createLog(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Log {
  const min = level === 'silent' ? LEVELS.length : LEVELS.indexOf(level);
  const at = (lvl: (typeof LEVELS)[number]) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(lvl) < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...serialize(fields) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function serialize(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
