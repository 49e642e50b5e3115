/**
 * How the review page's tables are drawn. Not draggable: material-table's column drag handles are
 * focusable buttons inside the sort buttons of the headers (axe `nested-interactive`), which a
 * screen reader announces as one control and a keyboard cannot reach apart; reordering columns
 * serves nobody here.
 */
export const REVIEW_TABLE_OPTIONS = {
  paging: false,
  search: false,
  padding: 'dense' as const,
  draggable: false,
};
