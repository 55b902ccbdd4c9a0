// Public API of this area; re-exported from ../index.ts.
