// The playground's sample spreadsheet: a LeadTracker tab with a handful of leads of every status.

/** The lead tab's header (see docs/sheet-layout.md). */
export const LEAD_HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];

/** Eight leads of mixed statuses, none linked to a card yet: the first sync creates their cards. */
export const SAMPLE_LEADS: string[][] = [
  ['L-101', 'Ada Lovelace', 'ada@analytical.example', 'NEW', 'Website', ''],
  ['L-102', 'Grace Hopper', 'grace@cobol.example', 'CONTACTED', 'Referral', ''],
  ['L-103', 'Alan Turing', 'alan@bletchley.example', 'QUALIFIED', 'Conference', ''],
  ['L-104', 'Katherine Johnson', 'katherine@nasa.example', 'NEW', 'Website', ''],
  ['L-105', 'Edsger Dijkstra', 'edsger@eindhoven.example', 'COMPLETED', 'Cold call', ''],
  ['L-106', 'Barbara Liskov', 'barbara@mit.example', 'LOST', 'Referral', ''],
  ['L-107', 'Donald Knuth', 'don@stanford.example', 'CONTACTED', 'Newsletter', ''],
  ['L-108', 'Margaret Hamilton', 'margaret@apollo.example', 'NEW', 'Conference', ''],
];
