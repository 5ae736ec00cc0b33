// The block of a card's description that the add-on owns (`Label: value` lines, the lead marker last); text outside
// it is a person's.

const BLOCK_START = '--- Lead synced from Google Sheets ---';
const BLOCK_END = '--- End of synced lead ---';
/** The label of the lead marker's line, the block's last (no mapped line may take it). */
export const MARKER_LINE_LABEL = 'Lead ID';
const MARKER_LABEL = `${MARKER_LINE_LABEL}: `;

/** The lead fields that the block carries. */
export interface DescribedLead {
  id: string;
  email: string;
  source: string;
}

/** One `Label: value` line of the block. */
export type DescriptionLine = readonly [label: string, value: string];

/** The lines a lead's block carries by default: its e-mail and source. */
export function defaultLines(lead: DescribedLead): DescriptionLine[] {
  return [
    ['Email', lead.email],
    ['Source', lead.source],
  ];
}

function block(leadId: string, lines: readonly DescriptionLine[]): string {
  return [BLOCK_START, ...lines.map(([label, value]) => `${label}: ${value}`), `${MARKER_LABEL}${leadId}`, BLOCK_END].join('\n');
}

function blockBounds(description: string): { start: number; end: number } | undefined {
  const start = description.indexOf(BLOCK_START);
  if (start < 0) return undefined;
  const endMark = description.indexOf(BLOCK_END, start);
  if (endMark < 0) return undefined;
  return { start, end: endMark + BLOCK_END.length };
}

/** The lead id marked in a card description, or undefined when the card carries no marker. */
export function leadIdMarkedIn(description: string): string | undefined {
  const bounds = blockBounds(description);
  if (!bounds) return undefined;
  const line = description
    .slice(bounds.start, bounds.end)
    .split('\n')
    .find((text) => text.startsWith(MARKER_LABEL));
  const id = line?.slice(MARKER_LABEL.length).trim();
  return id ? id : undefined;
}

/** The value of the block's line labelled `label` (case-insensitive), or undefined when the block has no such line. */
export function blockLine(description: string, label: string): string | undefined {
  const bounds = blockBounds(description);
  if (!bounds) return undefined;
  const prefix = `${label.toLowerCase()}:`;
  const line = description
    .slice(bounds.start, bounds.end)
    .split('\n')
    .find((text) => text.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** The description with the add-on's block set to `lines` and the marker of `leadId`, and everything a person wrote around it kept. */
export function describeCard(currentDescription: string, leadId: string, lines: readonly DescriptionLine[]): string {
  const bounds = blockBounds(currentDescription);
  const owned = block(leadId, lines);
  if (!bounds) {
    const personText = currentDescription.trimEnd();
    return personText ? `${personText}\n\n${owned}` : owned;
  }
  return currentDescription.slice(0, bounds.start) + owned + currentDescription.slice(bounds.end);
}

/** The description with the add-on's block set to `lead`'s default lines (e-mail and source) and its marker. */
export function describeLead(currentDescription: string, lead: DescribedLead): string {
  return describeCard(currentDescription, lead.id, defaultLines(lead));
}
