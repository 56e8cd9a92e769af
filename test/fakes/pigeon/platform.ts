// Pigeon post: a third platform that exists only in the tests, to prove that a platform is one folder plus one entry
// in the platform list. Its variables, when it runs, and its adapter, loaded in create() as a real platform's is.
import { z } from 'zod';
import { definePlatform } from '../../../src/adapters/platform.ts';
import { optional } from '../../../src/env.ts';
import type { PigeonAdapter } from './adapter.ts';

const env = {
  PIGEON_LOFT: optional(z.string().regex(/^[a-z-]+$/, 'the loft the birds fly from, e.g. north-tower')),
  PIGEON_BIRDS_PER_SECOND: optional(z.coerce.number({ error: 'a number' }).positive()),
};

export const pigeon = definePlatform({
  name: 'pigeon',
  env,
  rules: (has) =>
    has('PIGEON_BIRDS_PER_SECOND') && !has('PIGEON_LOFT') ? ['PIGEON_LOFT: required with PIGEON_BIRDS_PER_SECOND'] : [],
  configured: (config) => Boolean(config.PIGEON_LOFT),
  setupHint: 'PIGEON_LOFT for pigeon post',
  async create({ config, log }): Promise<PigeonAdapter> {
    const { createPigeonAdapter } = await import('./adapter.ts');
    return createPigeonAdapter({ loft: config.PIGEON_LOFT!, birdsPerSecond: config.PIGEON_BIRDS_PER_SECOND ?? 2, log });
  },
});
