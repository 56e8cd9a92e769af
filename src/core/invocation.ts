// What an adapter hands the core: who asked, where, and the command text (a button is only its command text).
export interface Invocation {
  platform: string; // slack | discord | terminal
  workspace: { id: string; name?: string };
  user: { id: string; displayName: string; timeZone?: string };
  place: { channelId?: string; direct: boolean };
  text: string;
}
