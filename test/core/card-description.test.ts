import { blockLine, describeLead, leadIdMarkedIn } from '../../src/core/card-description';

describe('card description block', () => {
  it('carries email, source and a readable lead marker', () => {
    const desc = describeLead('', { id: 'L-7', email: 'a@example.com', source: 'Fair' });
    expect(desc).toContain('Email: a@example.com');
    expect(desc).toContain('Source: Fair');
    expect(leadIdMarkedIn(desc)).toBe('L-7');
  });

  it('replaces only its own block and keeps a person\'s text before and after it', () => {
    const first = describeLead('Met at the fair', { id: 'L-7', email: 'a@example.com', source: 'Fair' });
    const edited = `${first}\n\nBudget: 10k`;
    const updated = describeLead(edited, { id: 'L-7', email: 'b@example.com', source: 'Fair' });
    expect(updated.startsWith('Met at the fair')).toBe(true);
    expect(updated.endsWith('Budget: 10k')).toBe(true);
    expect(updated).toContain('Email: b@example.com');
    expect(updated).not.toContain('a@example.com');
  });

  it('finds no marker in a description without the block', () => {
    expect(leadIdMarkedIn('Lead ID: L-1 (typed by a person)')).toBeUndefined();
  });

  const lead = { id: 'L-7', email: 'a@example.com', source: 'Fair' };
  const START = '--- Lead synced from Google Sheets ---';
  const END = '--- End of synced lead ---';

  it('reads the marker and lines only inside the block, not from a person\'s text around it', () => {
    const desc = `Lead ID: L-1\nEmail: me@example.com\n\n${describeLead('', lead)}`;
    expect(leadIdMarkedIn(desc)).toBe('L-7');
    expect(blockLine(desc, 'email')).toBe('a@example.com');
  });

  it('finds no marker or line in a block that lacks them', () => {
    const desc = `${START}\nEmail: a@example.com\n${END}`;
    expect(leadIdMarkedIn(desc)).toBeUndefined();
    expect(blockLine(desc, 'Phone')).toBeUndefined();
  });

  it('reads the marked lead id without the spaces around it', () => {
    expect(leadIdMarkedIn(`${START}\nLead ID: L-7  \n${END}`)).toBe('L-7');
  });

  it('adds a new block after the text when the old one lost its start or end line', () => {
    const noEnd = `Notes\n${START}\nLead ID: L-7`;
    const noStart = `Notes\nLead ID: L-7\n${END}`;
    expect(leadIdMarkedIn(noEnd)).toBeUndefined();
    expect(describeLead(noEnd, lead)).toBe(`${noEnd}\n\n${describeLead('', lead)}`);
    expect(describeLead(noStart, lead)).toBe(`${noStart}\n\n${describeLead('', lead)}`);
  });

  it('drops blank lines after a person\'s text but keeps its leading indent when adding the block', () => {
    expect(describeLead('  Met at the fair\n\n', lead)).toBe(`  Met at the fair\n\n${describeLead('', lead)}`);
  });
});
