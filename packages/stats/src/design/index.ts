// Public API of this area; re-exported from ../index.ts.
export type { Design, DesignOptions, DesignStage, DesignAdjustment, LonelyPsu } from './design.types.ts';
export { createDesign } from './create-design.ts';
export { updateDesign } from './update-design.ts';
export { designVariance, type Influence } from './design-variance.ts';
export { computeDegf } from './design-degf.ts';
export { postStratify, type GroupTotals } from './poststratify.ts';
export { calibrate, type CalibrateOptions, type CalibrationTotals } from './calibrate.ts';
export { rake, type RakeControl } from './rake.ts';
