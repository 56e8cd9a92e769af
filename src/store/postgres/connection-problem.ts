// Why the PostgreSQL server named by DATABASE_URL could not be used, as one clear line (src/setup-error.ts): where
// it was looked for (host and port, never the password) and what to do. The command line prints it and exits 1.
import { SetupError } from '../../setup-error.ts';

interface DriverError {
  code?: string;
  message?: string;
  errors?: DriverError[]; // AggregateError: every address of a host name failed
}

const UNREACHABLE = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
];

/** Host, port and database of a postgres:// URL, for messages. */
export function whereIs(url: string): { host: string; port: number; database: string } {
  try {
    const parsed = new URL(url);
    const socket = parsed.searchParams.get('host'); // ?host=/var/run/postgresql: a Unix socket folder
    return {
      host: socket ?? (decodeURIComponent(parsed.hostname) || 'localhost'),
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || 'postgres',
    };
  } catch {
    return { host: 'localhost', port: 5432, database: 'postgres' };
  }
}

/** The SetupError for a failure to connect or log in, or undefined when the error is not about reaching the server. */
export function connectionProblem(error: unknown, url: string, setting = 'DATABASE_URL'): SetupError | undefined {
  const e = (error ?? {}) as DriverError;
  const code = e.code ?? e.errors?.find((inner) => inner.code)?.code;
  const { host, port, database } = whereIs(url);
  const at = `${host}:${port}`;
  if ((code && UNREACHABLE.includes(code)) || /timeout.*connect|connection timeout/i.test(e.message ?? '')) {
    return new SetupError(
      `${setting}: cannot reach PostgreSQL at ${at} (${code ?? 'connection timed out'}).`,
      `Start the server, or correct the host and port in ${setting}.`,
    );
  }
  if (code === '3D000') {
    return new SetupError(
      `${setting}: PostgreSQL at ${at} has no database "${database}".`,
      `Create it (createdb -h ${host} -p ${port} ${database}; see PostgreSQL in README.md), or name another in ${setting}.`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new SetupError(
      `${setting}: PostgreSQL at ${at} refused the login to "${database}" (${code === '28P01' ? 'wrong password' : 'no such role, or not allowed'}).`,
      `Check the user and password in ${setting} and the server's pg_hba.conf.`,
    );
  }
  if (code === '57P03') {
    return new SetupError(
      `${setting}: PostgreSQL at ${at} is starting up or shutting down.`,
      'Start the bot again once the server accepts connections.',
    );
  }
  return undefined;
}
