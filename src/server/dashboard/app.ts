// The dashboard as a Hono app: sign-in by one-time link, then the team, member and delivery pages and the CSV,
// each scoped to the session's workspace. Mount it on the bot's node:http server with dashboardListener.
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { membersCsv } from './csv.ts';
import { dayIn } from './format.ts';
import { deliveryPage } from './pages/delivery-page.ts';
import { memberPage } from './pages/member-page.ts';
import { linkRefused, message, signInNeeded } from './pages/message-page.ts';
import { teamPage } from './pages/team-page.ts';
import type { DashboardSessions, DashboardSource, Viewer } from './ports.ts';
import { securityHeaders } from './security-headers.ts';
import { setSessionCookie, viewerOf } from './session-cookie.ts';
import { parsePage, parseSort } from './sort.ts';

export interface DashboardDeps {
  source: DashboardSource;
  sessions: DashboardSessions;
  /** Believe X-Forwarded-Proto (only behind a proxy that sets it; anyone can send it otherwise). */
  trustProxy?: boolean;
  now?: () => Date;
  /** Told about a page that failed; the visitor sees a plain 500 page. */
  onError?: (err: unknown) => void;
}

type Env = { Variables: { viewer: Viewer } };

/** Link-preview fetchers (Slack's and Discord's unfurlers, and the like), told apart by their user agents. */
const LINK_PREVIEWERS =
  /Slackbot|Slack-ImgProxy|Discordbot|facebookexternalhit|Twitterbot|LinkedInBot|TelegramBot|WhatsApp|SkypeUriPreview|Iframely|embedly|bot\b|crawler|spider|preview/i;

export function createDashboardApp(deps: DashboardDeps) {
  const now = deps.now ?? (() => new Date());
  const trustProxy = deps.trustProxy ?? false;
  const app = new Hono<Env>({ strict: false });
  app.use('*', ...securityHeaders());

  const signedIn: MiddlewareHandler<Env> = async (c, next) => {
    const viewer = await viewerOf(c, deps.sessions, now());
    if (!viewer) return c.html(signInNeeded(), 401);
    c.set('viewer', viewer);
    await next();
  };
  const adminsOnly: MiddlewareHandler<Env> = async (c, next) => {
    if (!c.var.viewer.isAdmin)
      return c.html(message('Admins only', 'Only workspace admins see this page.', c.var.viewer), 403);
    await next();
  };

  app.get('/dashboard/login', async (c) => {
    // Chat platforms fetch a link to preview it, and HEAD is only a look: neither may spend the one-time token.
    if (c.req.method === 'HEAD' || LINK_PREVIEWERS.test(c.req.header('user-agent') ?? ''))
      return c.html(message('Dashboard sign-in', 'Open this link in your browser to sign in.'), 200);
    const token = c.req.query('token');
    const session = token ? await deps.sessions.open(token) : undefined;
    if (!session || session.expiresAt.getTime() <= now().getTime()) return c.html(linkRefused(), 403);
    setSessionCookie(c, session, { trustProxy, now: now() });
    return c.redirect('/dashboard', 303);
  });

  app.get('/dashboard', signedIn, async (c) => {
    const sort = parseSort(c.req.query('sort'), c.req.query('dir'));
    const viewer = c.var.viewer;
    const page = parsePage(c.req.query('page'));
    return c.html(teamPage(await deps.source.team(viewer.workspaceId, viewer, sort, page), viewer, sort));
  });

  /** A member's page, only from the viewer's own workspace and only if the viewer may see them: 404 otherwise. */
  const member = async (c: Context<Env>, memberId: string) => {
    const viewer = c.var.viewer;
    const page = await deps.source.member(viewer.workspaceId, memberId, viewer);
    if (!page) return c.html(message('No such member', 'There is no member here by that link.', viewer), 404);
    return c.html(memberPage(page, viewer, memberId === viewer.memberId));
  };
  app.get('/dashboard/me', signedIn, (c) => member(c, c.var.viewer.memberId));
  app.get('/dashboard/members/:id', signedIn, (c) => member(c, c.req.param('id')));

  app.get('/dashboard/delivery', signedIn, adminsOnly, async (c) => {
    const viewer = c.var.viewer;
    return c.html(deliveryPage(await deps.source.delivery(viewer.workspaceId), viewer));
  });

  app.get('/dashboard/members.csv', signedIn, adminsOnly, async (c) => {
    const viewer = c.var.viewer;
    const sort = parseSort(c.req.query('sort'), c.req.query('dir'));
    const page = await deps.source.team(viewer.workspaceId, viewer, sort, 'all');
    const filename = `members-${dayIn(now(), page.workspace.timeZone)}.csv`;
    // The byte order mark tells spreadsheets the file is UTF-8, so names with accents open as written.
    return c.body(`\uFEFF${membersCsv(page.table)}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename}"`,
    });
  });

  app.notFound((c) => c.html(message('Not found', 'There is no page here.'), 404));
  app.onError((err, c) => {
    deps.onError?.(err);
    return c.html(message('Something went wrong', 'The page could not be shown. Try again in a moment.'), 500);
  });
  return app;
}

export type DashboardApp = ReturnType<typeof createDashboardApp>;

/** A node:http listener for the bot's server, e.g. routes: [{ prefix: '/dashboard', handler: dashboardListener(app) }]. */
export function dashboardListener(app: DashboardApp) {
  return getRequestListener(app.fetch);
}
