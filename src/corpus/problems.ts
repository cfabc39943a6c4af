/** A problem found in a seed, located by file, YAML path and line, printed one per line. */
export type PathSegment = string | number;

export interface Problem {
  /** The seed file as the user should see it (relative to the working directory). */
  file: string;
  /** 1-based line in the file; undefined when the problem concerns the file as a whole. */
  line?: number | undefined;
  /** The YAML path, e.g. ['quotes', 3, 'text']. */
  path: PathSegment[];
  message: string;
  /**
   * Set on problems another seed can cause: a reference that no longer resolves, a refinement
   * that no longer agrees with the definition it refines.
   */
  code?: 'unknown-reference' | 'refinement';
}

/** `quotes[3].text` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** `seeds/x.yaml:42 quotes[3].text: not found in the article body` */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const path = formatPath(p.path);
  return path ? `${where} ${path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when validation fails: carries every problem, and nothing has been written. */
export class SeedProblems extends Error {
  override name = 'SeedProblems';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}
