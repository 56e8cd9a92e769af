// What an adapter hands the core: who asked, where, and the command text (a button is only its command text).
export interface Invocation {
  platform: string; // slack | discord | terminal
  workspace: { id: string; name?: string };
  // isAdmin: Slack workspace admins/owners, Discord members with Manage Server, the local terminal user.
  user: { id: string; displayName: string; timeZone?: string; isAdmin?: boolean };
  place: { channelId?: string; direct: boolean };
  text: string;
  // the platform's id for this request (Slack trigger_id, Discord interaction id): on every log line about it
  id?: string;
}
