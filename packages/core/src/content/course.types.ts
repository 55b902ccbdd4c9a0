import type { CourseFile, GroupExercise, ModuleFile, ModuleForum } from './content.schema.ts';
import type { Slide } from './slides.parse.ts';

/** A glossary term, with its English and French text. */
export interface GlossaryTerm {
  readonly id: string;
  /** Module folder that introduces the term. */
  readonly moduleId: string;
  readonly en: { readonly term: string; readonly definition: string };
  readonly fr: { readonly term: string; readonly definition: string };
}

/** A lesson: front matter plus its Markdown body (rendered later with renderMarkdown). */
export interface Lesson {
  /** File name without `.md`, e.g. `01-why-labour-statistics`. */
  readonly id: string;
  readonly moduleId: string;
  readonly title: string;
  readonly hours: number;
  readonly markdown: string;
  readonly wordCount: number;
}

/** The expert presentation of a module. */
export interface Presentation {
  readonly file: string;
  readonly title: string;
  readonly presenter: string | null;
  readonly hours: number;
  readonly video: string | null;
  readonly slides: readonly Slide[];
}

/** A module as loaded from its folder. */
export interface CourseModule {
  /** Folder name, e.g. `01-overview-of-labour-statistics`. */
  readonly id: string;
  /** The two-digit prefix as a number. */
  readonly number: number;
  readonly title: string;
  readonly week: number;
  readonly hours: number;
  readonly overview: string;
  readonly objectives: readonly string[];
  readonly lessons: readonly Lesson[];
  readonly presentation: Presentation;
  readonly activities: readonly { title: string; hours: number; description?: string }[];
  readonly readings: ModuleFile['readings'];
  readonly glossary: readonly GlossaryTerm[];
  /** The prompt of the module's discussion forum. */
  readonly forum?: ModuleForum;
  /** A group exercise: its discussion happens in each group's forum. */
  readonly groupExercise?: GroupExercise;
  readonly fr?: { readonly title: string; readonly overview?: string };
}

/** A whole course: course.yaml with its modules resolved, and the course-wide glossary. */
export type Course = Omit<CourseFile, 'modules'> & {
  readonly modules: readonly CourseModule[];
  readonly glossary: readonly GlossaryTerm[];
};
