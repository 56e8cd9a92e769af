// IANA time zone names as people type them: "europe/berlin" and "Berlin" find Europe/Berlin; a typo gets a
// suggestion. Validity comes from the runtime's own zone database (via luxon), never from a list of our own.
import { IANAZone } from 'luxon';
import { UserError } from './errors.ts';
import { nearest, namesOf } from './match.ts';

let zones: { value: string; names: ReturnType<typeof namesOf> }[] | undefined;

function candidates() {
  // Built on first use: a few hundred names from Intl, each with its city as a name too ("Berlin").
  zones ??= Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, names: namesOf(zone, zone.split('/').at(-1)!.replace(/_/g, ' ')) }));
  return zones;
}

/** The canonical zone name for what was typed, or a UserError that suggests the closest one. */
export function resolveZone(input: string, example = 'timezone Europe/Berlin'): string {
  const typed = input.trim();
  if (typed.toUpperCase() === 'UTC' || typed.toUpperCase() === 'GMT') return 'UTC';
  const exact = candidates().find((z) => z.value.toLowerCase() === typed.toLowerCase().replace(/ /g, '_'));
  if (exact) return exact.value;
  const city = candidates().filter((z) => z.value.split('/').at(-1)!.toLowerCase() === typed.toLowerCase().replace(/ /g, '_'));
  if (city.length === 1) return city[0]!.value;
  if (IANAZone.isValidZone(typed)) return typed; // a valid alias the list leaves out, e.g. "US/Eastern"
  const guess = nearest(typed, candidates(), 0.35);
  throw new UserError([{ user: typed }, ' is not a time zone I know.'], {
    hint: `${guess ? `Did you mean \`${guess}\`? ` : ''}Use an IANA name such as \`${example}\` (Region/City).`,
  });
}
