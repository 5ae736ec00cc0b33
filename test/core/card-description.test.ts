import { describeLead, leadIdMarkedIn } from '../../src/core/card-description';

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
});
