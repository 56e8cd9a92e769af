// The pages' one markup type: hono/html's tagged template escapes every value that is not itself a template.
import type { html } from 'hono/html';

export type Html = ReturnType<typeof html>;
