// Time zone abbreviations people type, as the real zones they mean. "EST" in the zone database is a fixed UTC−5,
// an hour off all summer in New York: an abbreviation stands for a place, with its summer time. Where one
// abbreviation names several places (CST: Chicago or Shanghai), the member is asked to choose.
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  ET: ['America/New_York'], EST: ['America/New_York'], EDT: ['America/New_York'],
  CT: ['America/Chicago'], CDT: ['America/Chicago'], CST: ['America/Chicago', 'Asia/Shanghai'],
  MT: ['America/Denver'], MDT: ['America/Denver'], MST: ['America/Denver', 'America/Phoenix'],
  PT: ['America/Los_Angeles'], PST: ['America/Los_Angeles'], PDT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'], AKDT: ['America/Anchorage'], HST: ['Pacific/Honolulu'],
  BST: ['Europe/London'], WET: ['Europe/Lisbon'], WEST: ['Europe/Lisbon'],
  CET: ['Europe/Berlin', 'Europe/Paris'], CEST: ['Europe/Berlin', 'Europe/Paris'],
  EET: ['Europe/Athens', 'Europe/Helsinki'], EEST: ['Europe/Athens', 'Europe/Helsinki'], MSK: ['Europe/Moscow'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'], PKT: ['Asia/Karachi'],
  SGT: ['Asia/Singapore'], HKT: ['Asia/Hong_Kong'], WIB: ['Asia/Jakarta'], PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'], KST: ['Asia/Seoul'],
  AWST: ['Australia/Perth'], ACST: ['Australia/Adelaide'], ACDT: ['Australia/Adelaide'],
  AEST: ['Australia/Sydney'], AEDT: ['Australia/Sydney'], NZST: ['Pacific/Auckland'], NZDT: ['Pacific/Auckland'],
  BRT: ['America/Sao_Paulo'], ART: ['America/Argentina/Buenos_Aires'],
};
