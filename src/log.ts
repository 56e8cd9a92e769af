// The logger handed down to every part: pino, JSON lines on stderr (stdout belongs to the terminal chat), pretty
// when stderr is a terminal. Secrets are redacted by key; message text is only ever logged at debug level.
import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';

/** pino-pretty (30 modules) is required only for a terminal: a deployed bot, logging JSON, starts without it. */
const loadPretty = () => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

export interface Log {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  /** A logger whose every line carries these fields, e.g. { rid } for one request. */
  child(bindings: Fields): Log;
}

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'clientSecret',
  'signingSecret',
  'stateSecret',
  'secret',
  'authorization',
  'password',
];

/** destination: stderr by default; tests pass a function that receives each JSON line. */
export function createLog(
  level: LogLevel,
  destination: ((line: string) => void) | { write(line: string): unknown } = process.stderr,
): Log {
  const usePretty = destination === process.stderr && process.stderr.isTTY;
  const stream =
    typeof destination === 'function'
      ? { write: (line: string) => destination(line.trimEnd()) }
      : usePretty
        ? loadPretty()({ destination: 2, sync: true, colorize: true })
        : destination;
  const logger = pino(
    {
      level,
      base: undefined,
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    stream as pino.DestinationStream,
  );
  return wrap(logger);
}

function wrap(logger: pino.Logger): Log {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    child: (bindings) => wrap(logger.child(bindings)),
  };
}
