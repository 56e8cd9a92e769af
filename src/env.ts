// Environment variables as zod reads them: an empty variable counts as unset, so `FOO=` in a .env file is no value.
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A variable that may be left unset. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

/** A variable with a default when unset. */
export const withDefault = (schema: z.ZodString, value: string) => z.preprocess(unset, schema.default(value));

export const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** Whether a variable is set to something. */
export const isSet = (env: Env, name: string): boolean => unset(env[name]) !== undefined;
