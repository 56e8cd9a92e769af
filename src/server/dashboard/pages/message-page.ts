// The pages that refuse: a heading and a sentence, nothing from the store.
import { html } from 'hono/html';
import type { Html } from '../html.ts';
import type { Viewer } from '../ports.ts';
import { layout } from './layout.ts';

const ASK = html`Type <code>dashboard</code> in the chat with the coach to get a new link.`;

export const signInNeeded = (): Html =>
  message('Sign in to see the dashboard', html`The dashboard opens through a link. ${ASK}`);
export const linkRefused = (): Html =>
  message('This link no longer works', html`A link works once, for 10 minutes. ${ASK}`);

export function message(title: string, text: Html | string, viewer?: Viewer): Html {
  return layout({ title, viewer, body: html`<h1>${title}</h1>\n<p>${text}</p>` });
}
