import { findRunbookEntryNode } from './entryNode';
import { parseRunbookFile } from './parseRunbookFile';
import { VALID_RUNBOOK } from './testRunbook';

describe('findRunbookEntryNode', () => {
  const tree = parseRunbookFile(VALID_RUNBOOK, { file: 'r.yaml' }).runbook!;

  it("starts at the alert's entry point", () => {
    expect(findRunbookEntryNode(tree, 'CheckoutLatencyHigh').id).toBe('slow');
  });

  it('starts at the start without an alert or for an alert without an entry point', () => {
    expect(findRunbookEntryNode(tree).id).toBe('burning');
    expect(findRunbookEntryNode(tree, 'checkoutlatencyhigh').id).toBe(
      'burning',
    );
  });
});
