/** The engine version stored with each run's results (the `@labmig/stats` package version). */
export const LAB_ENGINE_VERSION = '@labmig/stats 0.1.0';
