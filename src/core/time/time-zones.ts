// IANA time zone names as people type them: "europe/berlin" and "Berlin" find Europe/Berlin, "EST" finds New York,
// "UTC+2" is a fixed offset; a typo gets a suggestion. Validity comes from the runtime's own zone database (via
// luxon and Intl), never from a list of our own, and every zone is kept in its canonical spelling.
import { IANAZone } from 'luxon';
import { UserError } from '../model/errors.ts';
import { namesOf, nearest } from '../roadmap/match.ts';
import { ABBREVIATIONS } from './zone-abbreviations.ts';

export interface ResolvedZone {
  zone: string; // canonical IANA name
  note?: string; // how the input was read, when that is not obvious ("EST is taken as America/New_York, …")
}

let zones: { value: string; names: ReturnType<typeof namesOf> }[] | undefined;

function candidates() {
  // Built on first use: a few hundred names from Intl, each with its city as a name too ("Berlin").
  zones ??= Intl.supportedValuesOf('timeZone').map((zone) => ({
    value: zone,
    names: namesOf(zone, zone.split('/').at(-1)!.replace(/_/g, ' ')),
  }));
  return zones;
}

// Every command checks its member's zone: a formatter per check would cost more than the command. Bounded by the
// zone names in use (a few hundred at most: anything longer than a zone name is not looked up).
const canonical = new Map<string, string | undefined>();

/** A zone this runtime knows, in its canonical spelling ("uS/EaSTern" → "America/New_York"); else undefined. */
export function canonicalZone(zone: string | null | undefined): string | undefined {
  if (!zone || zone.length > 64) return undefined;
  if (canonical.has(zone)) return canonical.get(zone);
  let found: string | undefined;
  try {
    found = IANAZone.isValidZone(zone)
      ? new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
      : undefined;
  } catch {
    found = undefined; // luxon and Intl disagree about it: not a zone we can count days in
  }
  if (canonical.size < 1000) canonical.set(zone, found);
  return found;
}

/** "Europe/Berlin"; "UTC+2 (a fixed offset, no summer time)" for the Etc/GMT−2 a "UTC+2" was kept as. */
export function describeZone(zone: string): string {
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!fixed) return zone;
  return `UTC${fixed[1] === '-' ? '+' : '−'}${fixed[2]} (a fixed offset, no summer time)`; // Etc/ signs are inverted
}

/** The zone meant by what was typed, or a UserError that suggests the closest one. */
export function resolveZone(input: string, example = 'timezone Europe/Berlin'): ResolvedZone {
  const typed = input.trim();
  const hint = `Use a Region/City name such as \`${example}\`.`;
  if (/^(utc|gmt|z|zulu)$/i.test(typed)) return { zone: 'UTC' };
  const offset = /^(?:utc|gmt)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(typed);
  if (offset) return fixedOffset(typed, offset[1] === '+' ? 1 : -1, Number(offset[2]), Number(offset[3] ?? 0), example);
  const places = ABBREVIATIONS[typed.toUpperCase()];
  if (places?.length === 1)
    return {
      zone: places[0]!,
      note: `${typed.toUpperCase()} is taken as ${places[0]}, which follows its summer time.`,
    };
  if (places) {
    throw new UserError([{ user: typed }, ` could mean ${places.join(' or ')}.`], {
      hint: 'Say which with its Region/City name.',
      buttons: places.map((p) => ({ label: p, command: example.replace(/\S+$/, p) })),
    });
  }
  const key = typed.toLowerCase().replace(/ /g, '_');
  const exact = candidates().find((z) => z.value.toLowerCase() === key);
  if (exact) return { zone: exact.value };
  const city = candidates().filter((z) => z.value.split('/').at(-1)!.toLowerCase() === key);
  if (city.length === 1) return { zone: city[0]!.value };
  // A valid alias the list leaves out ("US/Eastern"), kept under its canonical name; the abbreviations the zone
  // database has as fixed offsets ("EST", "MST", "HST") were answered above.
  const alias = canonicalZone(typed);
  if (alias) return { zone: alias };
  const guess = nearest(typed, candidates(), 0.35);
  throw new UserError([{ user: typed }, ' is not a time zone I know.'], {
    hint: `${guess ? `Did you mean \`${guess}\`? ` : ''}${hint}`,
  });
}

function fixedOffset(typed: string, sign: 1 | -1, hours: number, minutes: number, example: string): ResolvedZone {
  if (minutes || hours > (sign > 0 ? 14 : 12)) {
    throw new UserError(
      [{ user: typed }, ' is not an offset I can keep: only whole hours from UTC−12 to UTC+14 are.'],
      {
        hint: `Use a Region/City name such as \`${example}\` instead; it also follows summer time.`,
      },
    );
  }
  if (hours === 0) return { zone: 'UTC' };
  // The zone database writes UTC+2 as Etc/GMT-2: its signs are the other way round.
  const zone = `Etc/GMT${sign > 0 ? '-' : '+'}${hours}`;
  return {
    zone,
    note: `${describeZone(zone)}: it stays the same all year. A city, such as \`Europe/Berlin\`, follows summer time.`,
  };
}
