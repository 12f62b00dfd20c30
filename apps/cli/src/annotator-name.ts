import { isValidAnnotatorName, StanceError } from '@stance/schema';

/**
 * Refuse a name that cannot name an annotator log. The rule is `isValidAnnotatorName` of @stance/schema, the one
 * the logs, the annotation UI and assignments.json follow; the message names only what every version of it refuses.
 */
export function checkAnnotatorName(name: string, option: string): string {
  if (!isValidAnnotatorName(name))
    throw new StanceError(
      `${option}: ${JSON.stringify(name)} is not a valid annotator name (it names a log file: no slashes, no leading dot, no '..')`,
    );
  return name;
}
