// Every page's frame: a header with the nav (Delivery for admins only), one <main>, and the inlined stylesheet.
import { html, raw } from 'hono/html';
import type { Html } from '../html.ts';
import type { Viewer } from '../ports.ts';
import { STYLES } from './styles.ts';

export type Section = 'team' | 'me' | 'delivery';

export interface Layout {
  title: string;
  /** Signed in: the nav is shown. Refusals before sign-in show the bare page. */
  viewer?: Viewer;
  current?: Section;
  body: Html;
}

function nav(viewer: Viewer, current: Section | undefined): Html {
  const links: { section: Section; href: string; label: string }[] = [
    { section: 'team', href: '/dashboard', label: 'Team' },
    { section: 'me', href: '/dashboard/me', label: 'Me' },
    ...(viewer.isAdmin ? [{ section: 'delivery' as const, href: '/dashboard/delivery', label: 'Delivery' }] : []),
  ];
  return html`<nav aria-label="Dashboard"><ul>${links.map(
    (l) => html`
<li><a href="${l.href}"${l.section === current ? html` aria-current="page"` : ''}>${l.label}</a></li>`,
  )}
</ul></nav>`;
}

export function layout(page: Layout): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${page.title} · Roadmap Coach</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<header><div class="bar"><p class="brand">Roadmap Coach</p>${page.viewer ? nav(page.viewer, page.current) : ''}</div></header>
<main>
${page.body}
</main>
</body>
</html>`;
}
