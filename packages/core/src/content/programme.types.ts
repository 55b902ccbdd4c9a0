/** One course of a programme, as loaded. `key` is the course slug, or the id of a course not offered here yet. */
export type ProgrammeCourse =
  | { readonly key: string; readonly role: 'required' | 'elective'; readonly offered: true }
  | {
      readonly key: string;
      readonly role: 'required' | 'elective';
      readonly offered: false;
      readonly title: string;
      readonly frTitle: string | null;
    };

/** A programme (e.g. the Diploma) as loaded from content/programmes/ and stored as JSON. */
export interface Programme {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly note: string | null;
  readonly fr: {
    readonly title: string | null;
    readonly summary: string | null;
    readonly note: string | null;
  };
  readonly courses: readonly ProgrammeCourse[];
  /** Every required course, and this many electives. */
  readonly electivesNeeded: number;
}
