// The block of a card's description that the add-on owns (email, source, lead marker); text outside it is a person's.

const BLOCK_START = '--- Lead synced from Google Sheets ---';
const BLOCK_END = '--- End of synced lead ---';
const MARKER_LABEL = 'Lead ID: ';

/** The lead fields that the block carries. */
export interface DescribedLead {
  id: string;
  email: string;
  source: string;
}

function block(lead: DescribedLead): string {
  return [BLOCK_START, `Email: ${lead.email}`, `Source: ${lead.source}`, `${MARKER_LABEL}${lead.id}`, BLOCK_END].join('\n');
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

/** The description with the add-on's block set to `lead` and everything a person wrote around it kept. */
export function describeLead(currentDescription: string, lead: DescribedLead): string {
  const bounds = blockBounds(currentDescription);
  if (!bounds) {
    const personText = currentDescription.trimEnd();
    return personText ? `${personText}\n\n${block(lead)}` : block(lead);
  }
  return currentDescription.slice(0, bounds.start) + block(lead) + currentDescription.slice(bounds.end);
}
