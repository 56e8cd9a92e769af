// A UserError is an expected refusal: shown to the user with what to type instead. Anything else is a bug.
import { type Block, type Button, plain, type Span } from './reply.ts';

export class UserError extends Error {
  readonly spans: Span[];

  /** Text the user typed goes in as a { user } span, never inside a string, so renderers can neutralise it. */
  constructor(
    message: string | Span[],
    readonly detail: { hint?: string; blocks?: Block[]; buttons?: Button[] } = {},
  ) {
    const spans = typeof message === 'string' ? [message] : message;
    super(plain(spans));
    this.spans = spans;
    this.name = 'UserError';
  }
}
